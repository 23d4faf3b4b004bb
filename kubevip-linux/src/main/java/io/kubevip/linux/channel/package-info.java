// SPDX-License-Identifier: Apache-2.0
/**
 * One tiny interface per socket kind, so protocol code is tested against in-memory fakes (testkit) and
 * run against the JNA implementations in {@code io.kubevip.linux.jna}.
 */
package io.kubevip.linux.channel;
