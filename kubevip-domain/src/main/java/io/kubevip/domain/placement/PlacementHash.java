// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.nio.charset.StandardCharsets;

/**
 * Stable 64-bit hashes. Every node must compute the same scores, so nothing here may depend on the JVM
 * ({@code Object.hashCode}) or on iteration order: FNV-1a 64 over the bytes, then the MurmurHash3 fmix64
 * finaliser so that nearby inputs (10.0.0.1, 10.0.0.2) give unrelated scores.
 */
final class PlacementHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private PlacementHash() {}

  static long of(VipAddress vip) {
    long h = fnv(FNV_OFFSET, vip.address().getAddress());
    h = (h ^ vip.prefixLength()) * FNV_PRIME;
    return fmix64(h);
  }

  static long of(NodeId node) {
    return fmix64(fnv(FNV_OFFSET, node.name().getBytes(StandardCharsets.UTF_8)));
  }

  /** The rendezvous weight of a node for a VIP; the highest wins. */
  static long score(long vipHash, long nodeHash) {
    return fmix64(vipHash ^ nodeHash);
  }

  private static long fnv(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }

  // MurmurHash3 finaliser (Austin Appleby, public domain): full avalanche over 64 bits.
  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
