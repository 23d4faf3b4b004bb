// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

/**
 * One VIP implementation running on every lab node, so the same measurement loop can crash, stop and bring back
 * kubevip and keepalived alike.
 */
interface Cluster extends AutoCloseable {
  /** What the JSON calls this system ("kubevip", "keepalived"). */
  String system();

  /** The timings this system runs with, as JSON object members. */
  String timingsJson();

  /** Starts the daemon on every node and returns once each runs. */
  void startAll();

  /** SIGKILL the daemon of {@code node} (the node is already cut off). */
  void kill(String node);

  /** SIGTERM the daemon of {@code node}; returns its exit code. */
  int terminate(String node);

  /** Brings a crashed, cut-off node back as a rebooted machine: no VIP left, a fresh daemon, links up. */
  void recover(String node);

  /** Starts a fresh daemon on {@code node} after a graceful stop and waits until it runs. */
  void restart(String node);

  /** Stops every daemon gracefully; the VIP should be gone afterwards. */
  @Override
  void close();
}
