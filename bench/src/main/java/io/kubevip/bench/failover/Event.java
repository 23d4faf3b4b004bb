// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

/**
 * One injected failure as the client saw it.
 *
 * @param outageMs longest time without a ping reply around the event (null: no reply came back)
 * @param firstReplyMs from the injection to the first reply after the new owner took the VIP
 * @param clientSwitchMs from the injection to the client's neighbour entry pointing at the new owner
 * @param twoOwnerSamples probes during the event at which two reachable nodes held the VIP
 * @param flaps VIP additions or removals beyond the one expected hand-over (old -VIP, new +VIP)
 */
record Event(String oldOwner, String newOwner, Long outageMs, Long firstReplyMs, Long clientSwitchMs,
    int lostProbes, int twoOwnerSamples, int flaps, String note) {}
