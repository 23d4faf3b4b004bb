// SPDX-License-Identifier: Apache-2.0
/** Test support: in-memory fakes, port contract tests, the network-namespace harness. */
package io.kubevip.testkit;
