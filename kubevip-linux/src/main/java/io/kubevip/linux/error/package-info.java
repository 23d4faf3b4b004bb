// SPDX-License-Identifier: Apache-2.0
/** Typed failures of the Linux layer; each carries the protocol facts (errno, sequence, operation). */
package io.kubevip.linux.error;
