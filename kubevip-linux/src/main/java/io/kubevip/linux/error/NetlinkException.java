// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

/** The kernel answered a netlink request with an error; carries errno, sequence number and request. */
public class NetlinkException extends SyscallException {
  private final int seq;
  private final String kernelMessage;

  public NetlinkException(int errno, int seq, String operation, String kernelMessage) {
    super(errno, operation, "CAP_NET_ADMIN", kernelMessage);
    this.seq = seq;
    this.kernelMessage = kernelMessage;
  }

  public int seq() {
    return seq;
  }

  /** The extended-ack text the kernel attached (NLMSGERR_ATTR_MSG), or null. */
  public String kernelMessage() {
    return kernelMessage;
  }
}
