// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.adapter.bgp.wire.Notification;
import io.kubevip.adapter.bgp.bfd.BfdState;
import java.time.Duration;

/**
 * A snapshot of one session for health indicators, metrics and tests.
 *
 * @param holdTime negotiated hold time, null unless established
 * @param establishedCount how often the session reached Established since start
 * @param lastSent the last NOTIFICATION we sent, or null
 * @param lastReceived the last NOTIFICATION the peer sent, or null
 * @param treatAsWithdraw received UPDATEs handled as withdraw (RFC 7606) so far
 * @param bfd the BFD session state, or null when BFD is off or the session is not Established
 * @param updatesSent UPDATE messages queued to the peer so far (announcements, withdrawals, End-of-RIB)
 */
public record PeerStatus(String peer, SessionState state, Duration holdTime, Duration keepalive,
    int establishedCount, Notification lastSent, Notification lastReceived, long updatesReceived,
    long treatAsWithdraw, BfdState bfd, long updatesSent) {}
