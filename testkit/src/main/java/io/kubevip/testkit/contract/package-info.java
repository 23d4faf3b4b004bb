// SPDX-License-Identifier: Apache-2.0
/**
 * One abstract contract per out-port: what every implementation, fake or real, must do. Extend it with
 * {@code createPort()} (and the observation hooks a write-only port needs) in a class ending in {@code Test}
 * for fakes or {@code IT}/{@code PrivilegedIT} for real adapters. Named {@code *Contract} so surefire never runs
 * the abstract class itself. Addresses come from the documentation ranges (RFC 5737, RFC 3849).
 */
package io.kubevip.testkit.contract;
