// SPDX-License-Identifier: Apache-2.0
/**
 * Driven (secondary) ports: what the use cases need from the network, the kernel and the cluster. Signatures
 * mention only domain and JDK types, so adapters (netlink, ARP, BGP, fabric8) stay replaceable and each has an
 * in-memory fake and a contract test in testkit. Each port's Javadoc states its caller, threading and
 * idempotency.
 */
package io.kubevip.ports.out;
