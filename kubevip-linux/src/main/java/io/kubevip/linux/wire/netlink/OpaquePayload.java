// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A message type this codec does not interpret (kept, not dropped, so round trips hold). */
public record OpaquePayload(byte[] bytes) implements NetlinkPayload {
  public OpaquePayload {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public int encodedLength() {
    return bytes.length;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpaquePayload p && Arrays.equals(p.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "OpaquePayload[" + bytes.length + " bytes]";
  }
}
