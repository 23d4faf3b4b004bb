// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

import java.util.Map;

/**
 * Linux errno numbers by their C names, so messages say {@code EPERM} rather than {@code 1}.
 *
 * <p>Values from {@code asm-generic/errno-base.h} and {@code asm-generic/errno.h} (x86_64, arm64).
 */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int ESRCH = 3;
  public static final int EINTR = 4;
  public static final int EAGAIN = 11;
  public static final int EACCES = 13;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int ENODEV = 19;
  public static final int EINVAL = 22;
  public static final int ENOBUFS = 105;
  public static final int EOPNOTSUPP = 95;
  public static final int EADDRNOTAVAIL = 99;

  private static final Map<Integer, String[]> NAMES =
      Map.ofEntries(
          Map.entry(1, new String[] {"EPERM", "Operation not permitted"}),
          Map.entry(2, new String[] {"ENOENT", "No such file or directory"}),
          Map.entry(3, new String[] {"ESRCH", "No such process"}),
          Map.entry(4, new String[] {"EINTR", "Interrupted system call"}),
          Map.entry(5, new String[] {"EIO", "I/O error"}),
          Map.entry(6, new String[] {"ENXIO", "No such device or address"}),
          Map.entry(9, new String[] {"EBADF", "Bad file descriptor"}),
          Map.entry(11, new String[] {"EAGAIN", "Resource temporarily unavailable"}),
          Map.entry(12, new String[] {"ENOMEM", "Out of memory"}),
          Map.entry(13, new String[] {"EACCES", "Permission denied"}),
          Map.entry(14, new String[] {"EFAULT", "Bad address"}),
          Map.entry(16, new String[] {"EBUSY", "Device or resource busy"}),
          Map.entry(17, new String[] {"EEXIST", "File exists"}),
          Map.entry(19, new String[] {"ENODEV", "No such device"}),
          Map.entry(20, new String[] {"ENOTDIR", "Not a directory"}),
          Map.entry(22, new String[] {"EINVAL", "Invalid argument"}),
          Map.entry(23, new String[] {"ENFILE", "Too many open files in system"}),
          Map.entry(24, new String[] {"EMFILE", "Too many open files"}),
          Map.entry(28, new String[] {"ENOSPC", "No space left on device"}),
          Map.entry(34, new String[] {"ERANGE", "Numerical result out of range"}),
          Map.entry(38, new String[] {"ENOSYS", "Function not implemented"}),
          Map.entry(61, new String[] {"ENODATA", "No data available"}),
          Map.entry(88, new String[] {"ENOTSOCK", "Socket operation on non-socket"}),
          Map.entry(90, new String[] {"EMSGSIZE", "Message too long"}),
          Map.entry(92, new String[] {"ENOPROTOOPT", "Protocol not available"}),
          Map.entry(93, new String[] {"EPROTONOSUPPORT", "Protocol not supported"}),
          Map.entry(95, new String[] {"EOPNOTSUPP", "Operation not supported"}),
          Map.entry(97, new String[] {"EAFNOSUPPORT", "Address family not supported by protocol"}),
          Map.entry(98, new String[] {"EADDRINUSE", "Address already in use"}),
          Map.entry(99, new String[] {"EADDRNOTAVAIL", "Cannot assign requested address"}),
          Map.entry(100, new String[] {"ENETDOWN", "Network is down"}),
          Map.entry(101, new String[] {"ENETUNREACH", "Network is unreachable"}),
          Map.entry(105, new String[] {"ENOBUFS", "No buffer space available"}),
          Map.entry(110, new String[] {"ETIMEDOUT", "Connection timed out"}));

  private Errno() {}

  /** The C name, e.g. {@code EPERM}, or {@code errno 142} when unknown. */
  public static String name(int errno) {
    String[] n = NAMES.get(errno);
    return n == null ? "errno " + errno : n[0];
  }

  /** The strerror(3) text, or the empty string when unknown. */
  public static String description(int errno) {
    String[] n = NAMES.get(errno);
    return n == null ? "" : n[1];
  }
}
