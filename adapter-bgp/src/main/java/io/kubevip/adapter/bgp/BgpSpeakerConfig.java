// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.Objects;

/**
 * What is the same for every session of this node: our AS and router ID (kube-vip {@code bgp_as},
 * {@code bgp_routerid}), the prefix lengths VIPs are announced with, and the connect-retry backoff.
 *
 * @param ipv4PrefixLength length IPv4 VIPs are announced with (32 = host route), or 0 to keep each VIP's own
 * @param ipv6PrefixLength likewise for IPv6 (128 = host route), or 0 to keep each VIP's own
 * @param connectRetryInitial first wait after a failed connection or a closed session
 * @param connectRetryMax the longest wait; the wait doubles (with jitter) up to it
 * @param shutdownMessage RFC 9003 text sent in the Cease/Administrative Shutdown NOTIFICATION on close
 * @param gracefulRestartTime RFC 4724 restart time we ask peers to keep our routes for after our session drops
 *     without a NOTIFICATION (a crash, a kill), or null for no graceful restart (the default)
 */
public record BgpSpeakerConfig(long localAs, Inet4Address routerId, int ipv4PrefixLength, int ipv6PrefixLength,
    Duration connectRetryInitial, Duration connectRetryMax, String shutdownMessage, Duration gracefulRestartTime) {
  /** The largest restart time the capability's 12 bits carry. */
  public static final Duration MAX_RESTART_TIME = Duration.ofSeconds(4095);

  public BgpSpeakerConfig {
    if (localAs < 1 || localAs > 0xffffffffL) {
      throw new IllegalArgumentException("BGP local AS must be 1..4294967295, was " + localAs);
    }
    Objects.requireNonNull(routerId, "routerId");
    if (routerId.isAnyLocalAddress()) {
      throw new IllegalArgumentException("BGP router ID must not be 0.0.0.0 (RFC 6286)");
    }
    if (ipv4PrefixLength < 0 || ipv4PrefixLength > 32) {
      throw new IllegalArgumentException("IPv4 announce prefix length must be 0 (VIP's own) or 1..32, was "
          + ipv4PrefixLength);
    }
    if (ipv6PrefixLength < 0 || ipv6PrefixLength > 128) {
      throw new IllegalArgumentException("IPv6 announce prefix length must be 0 (VIP's own) or 1..128, was "
          + ipv6PrefixLength);
    }
    if (connectRetryInitial.isNegative() || connectRetryInitial.isZero()
        || connectRetryMax.compareTo(connectRetryInitial) < 0) {
      throw new IllegalArgumentException("connect retry must be positive with max >= initial, was "
          + connectRetryInitial + ".." + connectRetryMax);
    }
    shutdownMessage = shutdownMessage == null ? "" : shutdownMessage;
    if (gracefulRestartTime != null && (gracefulRestartTime.toMillis() % 1000 != 0
        || gracefulRestartTime.compareTo(Duration.ofSeconds(1)) < 0
        || gracefulRestartTime.compareTo(MAX_RESTART_TIME) > 0)) {
      throw new IllegalArgumentException("graceful restart time must be 1..4095 whole seconds (RFC 4724), was "
          + gracefulRestartTime);
    }
  }

  /** Without graceful restart, as before it existed. */
  public BgpSpeakerConfig(long localAs, Inet4Address routerId, int ipv4PrefixLength, int ipv6PrefixLength,
      Duration connectRetryInitial, Duration connectRetryMax, String shutdownMessage) {
    this(localAs, routerId, ipv4PrefixLength, ipv6PrefixLength, connectRetryInitial, connectRetryMax, shutdownMessage,
        null);
  }

  /** Host routes, retry 1 s doubling to 30 s, shutdown message "kube-vip shutting down". */
  public static BgpSpeakerConfig of(long localAs, Inet4Address routerId) {
    return new BgpSpeakerConfig(localAs, routerId, 32, 128, Duration.ofSeconds(1), Duration.ofSeconds(30),
        "kube-vip shutting down");
  }

  public BgpSpeakerConfig withConnectRetry(Duration initial, Duration max) {
    return new BgpSpeakerConfig(localAs, routerId, ipv4PrefixLength, ipv6PrefixLength, initial, max, shutdownMessage,
        gracefulRestartTime);
  }

  public BgpSpeakerConfig withPrefixLengths(int ipv4, int ipv6) {
    return new BgpSpeakerConfig(localAs, routerId, ipv4, ipv6, connectRetryInitial, connectRetryMax, shutdownMessage,
        gracefulRestartTime);
  }

  public BgpSpeakerConfig withShutdownMessage(String message) {
    return new BgpSpeakerConfig(localAs, routerId, ipv4PrefixLength, ipv6PrefixLength, connectRetryInitial,
        connectRetryMax, message, gracefulRestartTime);
  }

  /**
   * Graceful restart (RFC 4724) with this restart time, or off with null. On: the OPEN carries the restart time and
   * every family of the session with the F bit (the VIPs live on the node, not in this process, so forwarding
   * survives a restart of the speaker), and the R bit on the first session of each peer after start.
   */
  public BgpSpeakerConfig withGracefulRestart(Duration restartTime) {
    return new BgpSpeakerConfig(localAs, routerId, ipv4PrefixLength, ipv6PrefixLength, connectRetryInitial,
        connectRetryMax, shutdownMessage, restartTime);
  }

  public boolean gracefulRestart() {
    return gracefulRestartTime != null;
  }
}
