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
 */
public record BgpSpeakerConfig(long localAs, Inet4Address routerId, int ipv4PrefixLength, int ipv6PrefixLength,
    Duration connectRetryInitial, Duration connectRetryMax, String shutdownMessage) {

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
  }

  /** Host routes, retry 1 s doubling to 30 s, shutdown message "kube-vip shutting down". */
  public static BgpSpeakerConfig of(long localAs, Inet4Address routerId) {
    return new BgpSpeakerConfig(localAs, routerId, 32, 128, Duration.ofSeconds(1), Duration.ofSeconds(30),
        "kube-vip shutting down");
  }

  public BgpSpeakerConfig withConnectRetry(Duration initial, Duration max) {
    return new BgpSpeakerConfig(localAs, routerId, ipv4PrefixLength, ipv6PrefixLength, initial, max, shutdownMessage);
  }

  public BgpSpeakerConfig withPrefixLengths(int ipv4, int ipv6) {
    return new BgpSpeakerConfig(localAs, routerId, ipv4, ipv6, connectRetryInitial, connectRetryMax, shutdownMessage);
  }

  public BgpSpeakerConfig withShutdownMessage(String message) {
    return new BgpSpeakerConfig(localAs, routerId, ipv4PrefixLength, ipv6PrefixLength, connectRetryInitial,
        connectRetryMax, message);
  }
}
