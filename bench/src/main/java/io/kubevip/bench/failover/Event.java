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
 * @param restartMoves VIP additions or removals while the failed node was brought back (other than its own
 *     orphan VIP going away): e.g. a leader that missed its renew deadline under load, fenced and took it back
 */
record Event(String oldOwner, String newOwner, Long outageMs, Long firstReplyMs, Long clientSwitchMs,
    int lostProbes, int twoOwnerSamples, int flaps, String note, int restartMoves) {
  Event(String oldOwner, String newOwner, Long outageMs, Long firstReplyMs, Long clientSwitchMs,
      int lostProbes, int twoOwnerSamples, int flaps, String note) {
    this(oldOwner, newOwner, outageMs, firstReplyMs, clientSwitchMs, lostProbes, twoOwnerSamples, flaps, note, 0);
  }

  Event withRestartMoves(int moves) {
    return new Event(oldOwner, newOwner, outageMs, firstReplyMs, clientSwitchMs, lostProbes, twoOwnerSamples,
        flaps, note, moves);
  }
}
