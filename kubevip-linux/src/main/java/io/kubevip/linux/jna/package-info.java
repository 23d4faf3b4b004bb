// SPDX-License-Identifier: Apache-2.0
/**
 * The only package that makes system calls: {@code LibC} (package-private, direct-mapped) and the
 * channel implementations over it.
 */
package io.kubevip.linux.jna;
