// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.jna;

import com.sun.jna.LastErrorException;
import io.kubevip.linux.channel.Frame;
import io.kubevip.linux.channel.FrameChannel;
import io.kubevip.linux.error.SyscallException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * AF_PACKET, SOCK_DGRAM, bound to one interface and EtherType; the kernel builds the Ethernet header.
 *
 * <pre>
 * struct sockaddr_ll {
 *   unsigned short sll_family;    // AF_PACKET
 *   unsigned short sll_protocol;  // EtherType, network byte order
 *   int            sll_ifindex;
 *   unsigned short sll_hatype;    // ARPHRD_ETHER = 1
 *   unsigned char  sll_pkttype;
 *   unsigned char  sll_halen;
 *   unsigned char  sll_addr[8];
 * };
 * </pre>
 */
public final class PacketSocket implements FrameChannel {
  public static final int ETH_P_ARP = 0x0806;
  private static final int SOCKADDR_LL = 20;

  private final int fd;
  private final int ifindex;
  private final int ethertype;
  private final boolean root;
  private final Sockets.RecvBuffer buffer = new Sockets.RecvBuffer(2048);
  private Duration currentTimeout = Duration.ZERO;
  private boolean closed;

  private PacketSocket(int fd, int ifindex, int ethertype, boolean root) {
    this.fd = fd;
    this.ifindex = ifindex;
    this.ethertype = ethertype;
    this.root = root;
  }

  /** Opens and binds to interface {@code ifindex} for {@code ethertype} (e.g. {@link #ETH_P_ARP}). */
  public static PacketSocket open(int ifindex, int ethertype) {
    int fd = Sockets.open(LibC.AF_PACKET, LibC.SOCK_DGRAM, htons(ethertype), "an AF_PACKET socket",
        "CAP_NET_RAW");
    try {
      byte[] sa = sockaddr(ifindex, ethertype, new byte[0]);
      try {
        LibC.bind(fd, sa, SOCKADDR_LL);
      } catch (LastErrorException e) {
        throw new SyscallException(e.getErrorCode(), "binding an AF_PACKET socket to ifindex " + ifindex,
            "CAP_NET_RAW");
      }
      return new PacketSocket(fd, ifindex, ethertype, Namespaces.currentThreadInRootNamespace());
    } catch (RuntimeException e) {
      Sockets.close(fd);
      throw e;
    }
  }

  private static int htons(int v) {
    return ((v & 0xff) << 8) | ((v >>> 8) & 0xff);
  }

  private static byte[] sockaddr(int ifindex, int ethertype, byte[] mac) {
    ByteBuffer b = ByteBuffer.allocate(SOCKADDR_LL).order(ByteOrder.nativeOrder());
    b.putShort((short) LibC.AF_PACKET);
    b.order(ByteOrder.BIG_ENDIAN).putShort((short) ethertype).order(ByteOrder.nativeOrder());
    b.putInt(ifindex).putShort((short) 1).put((byte) 0).put((byte) mac.length);
    b.put(Arrays.copyOf(mac, 8));
    return b.array();
  }

  @Override
  public void send(byte[] payload, byte[] destinationMac) {
    byte[] sa = sockaddr(ifindex, ethertype, destinationMac);
    try {
      LibC.sendto(fd, payload, payload.length, 0, sa, SOCKADDR_LL);
    } catch (LastErrorException e) {
      throw new SyscallException(e.getErrorCode(), "sending a frame on ifindex " + ifindex, "CAP_NET_RAW");
    }
  }

  @Override
  public Optional<Frame> receive(Duration timeout) {
    if (!timeout.equals(currentTimeout)) {
      Sockets.setReceiveTimeout(fd, timeout);
      currentTimeout = timeout;
    }
    long n = buffer.receive(fd, "an AF_PACKET socket");
    if (n < 0) {
      return Optional.empty();
    }
    ByteBuffer sa = ByteBuffer.wrap(Arrays.copyOf(buffer.sourceAddress(), SOCKADDR_LL))
        .order(ByteOrder.nativeOrder());
    int index = sa.getInt(4);
    int pkttype = sa.get(10) & 0xff;
    int halen = Math.min(8, sa.get(11) & 0xff);
    byte[] mac = Arrays.copyOfRange(sa.array(), 12, 12 + halen);
    return Optional.of(new Frame(buffer.bytes(n), mac, index, pkttype));
  }

  @Override
  public boolean inRootNamespace() {
    return root;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      Sockets.close(fd);
    }
  }
}
