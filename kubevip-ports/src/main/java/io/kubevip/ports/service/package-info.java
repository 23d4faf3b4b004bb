// SPDX-License-Identifier: Apache-2.0
/**
 * Use-case services: implement the driving ports by running domain decisions (placement, plans, leases) and
 * calling driven ports. Framework-free, no threads of their own, time from an injected {@link java.time.Clock}.
 */
package io.kubevip.ports.service;
