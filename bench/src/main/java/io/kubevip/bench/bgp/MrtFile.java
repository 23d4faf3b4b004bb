// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.bgp;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal MRT TABLE_DUMP_V2 file (RFC 6396): one peer, one RIB_IPV4_UNICAST entry per prefix with ORIGIN IGP, an
 * empty AS_PATH and a NEXT_HOP. It is how GoBGP's CLI injects many routes in one call
 * ({@code gobgp mrt inject global FILE}); adding 10,000 routes with one CLI process each would measure process
 * start-up, not GoBGP.
 */
final class MrtFile {
  private static final int TABLE_DUMP_V2 = 13;
  private static final int PEER_INDEX_TABLE = 1;
  private static final int RIB_IPV4_UNICAST = 2;

  private MrtFile() {}

  static void write(Path file, List<Inet4Address> prefixes, Inet4Address nextHop, long peerAs) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    int now = (int) (System.currentTimeMillis() / 1000);
    ByteArrayOutputStream peers = new ByteArrayOutputStream();
    DataOutputStream p = new DataOutputStream(peers);
    p.write(nextHop.getAddress()); // collector BGP ID
    p.writeShort(0); // no view name
    p.writeShort(1); // one peer
    p.writeByte(0x02); // IPv4 address, 4-octet AS
    p.write(nextHop.getAddress()); // peer BGP ID
    p.write(nextHop.getAddress()); // peer address
    p.writeInt((int) peerAs);
    record(all, now, PEER_INDEX_TABLE, peers.toByteArray());
    byte[] attrs = {0x40, 1, 1, 0, 0x40, 2, 0, 0x40, 3, 4, 0, 0, 0, 0};
    System.arraycopy(nextHop.getAddress(), 0, attrs, 10, 4);
    int seq = 0;
    for (Inet4Address prefix : prefixes) {
      ByteArrayOutputStream rib = new ByteArrayOutputStream();
      DataOutputStream r = new DataOutputStream(rib);
      r.writeInt(seq++);
      r.writeByte(32);
      r.write(prefix.getAddress());
      r.writeShort(1);
      r.writeShort(0); // peer index
      r.writeInt(now);
      r.writeShort(attrs.length);
      r.write(attrs);
      record(all, now, RIB_IPV4_UNICAST, rib.toByteArray());
    }
    Files.write(file, all.toByteArray());
  }

  private static void record(ByteArrayOutputStream out, int time, int subtype, byte[] body) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(time);
    d.writeShort(TABLE_DUMP_V2);
    d.writeShort(subtype);
    d.writeInt(body.length);
    d.write(body);
  }
}
