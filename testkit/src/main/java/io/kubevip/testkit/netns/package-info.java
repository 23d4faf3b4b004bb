// SPDX-License-Identifier: Apache-2.0
/**
 * Network-namespace test harness: builds throw-away topologies (nodes, client, a bridged LAN) linked
 * only to each other, runs commands and Java code inside them, and tears them down even on failure.
 * Nothing here ever touches the root namespace, which routes to a real network.
 */
package io.kubevip.testkit.netns;
