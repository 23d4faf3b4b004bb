// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

/**
 * What one lab event did to the VIP, seen from the client and from the nodes.
 *
 * @param event what the lab did ("steady", "crash node2", ...)
 * @param oldOwner the node that held the VIP before, or null
 * @param newOwner the single node holding it afterwards, or null when none took over in time
 * @param outageMs the longest time the client went without a reply during the event (one probe interval when
 *     nothing was lost); null when no reply came after the event
 * @param lostProbes probes never answered (a reply read after the next probe was sent is late, not lost)
 * @param twoOwnerSamples probes during the event at which two reachable nodes held the VIP at once
 * @param takeoverMs from the event until the new owner had the VIP on eth0; null when not measured
 * @param clientSwitchMs from the event until the client's neighbour entry pointed at the new owner's MAC
 * @param ok whether the event met the lab's expectations (see {@code note} when not)
 * @param note why not ok, or extra facts (e.g. orphan VIP removed after n ms)
 */
public record EventResult(String event, String oldOwner, String newOwner, Long outageMs, int lostProbes,
    int twoOwnerSamples, Long takeoverMs, Long clientSwitchMs, boolean ok, String note) {}
