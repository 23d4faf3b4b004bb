// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

/**
 * A system call or kernel request failed with an errno.
 *
 * <p>The message names the operation in words, the errno by its C name, and for permission errors the
 * capability that is missing, e.g. {@code adding 10.99.0.50/32 to eth0: EPERM — needs CAP_NET_ADMIN}.
 */
public class SyscallException extends LinuxException {
  private final int errno;
  private final String operation;

  public SyscallException(int errno, String operation, String capability) {
    this(errno, operation, capability, null);
  }

  protected SyscallException(int errno, String operation, String capability, String kernelDetail) {
    super(format(errno, operation, capability, kernelDetail));
    this.errno = errno;
    this.operation = operation;
  }

  public int errno() {
    return errno;
  }

  public String errnoName() {
    return Errno.name(errno);
  }

  /** The operation in words, e.g. {@code adding 10.99.0.50/32 to eth0}. */
  public String operation() {
    return operation;
  }

  /**
   * Formats {@code <operation>: <ERRNO> — <hint>}; the hint is the capability for EPERM/EACCES,
   * otherwise the strerror text, followed by the kernel's extended-ack message when there is one.
   */
  public static String format(int errno, String operation, String capability, String kernelDetail) {
    String hint;
    if ((errno == Errno.EPERM || errno == Errno.EACCES) && capability != null) {
      hint = "needs " + capability;
    } else {
      hint = Errno.description(errno);
    }
    StringBuilder sb = new StringBuilder(operation).append(": ").append(Errno.name(errno));
    if (!hint.isEmpty()) {
      sb.append(" — ").append(hint);
    }
    if (kernelDetail != null && !kernelDetail.isBlank()) {
      sb.append(" (kernel: ").append(kernelDetail).append(')');
    }
    return sb.toString();
  }
}
