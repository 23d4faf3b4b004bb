// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

/**
 * Reactions to leadership changes of one lease (kube-vip {@code election.Actions}, fabric8
 * {@code LeaderCallbacks}).
 *
 * <p>Threading: the election adapter calls these on its own thread, one at a time and in order per lease;
 * implementations must return promptly (no blocking on the lease itself). {@code onStoppedLeading} is called
 * when leadership is lost, also when the fencing deadline passed without a renewal, and after a
 * {@link LeaderElectionPort#release}: it must withdraw before returning.
 */
public interface LeadershipCallbacks {
  void onStartedLeading();

  void onStoppedLeading();

  /** {@code identity} holds the lease now (may be this node); called on every observed change of holder. */
  void onNewLeader(String identity);
}
