// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

/**
 * A netlink dump kept changing underneath us (NLM_F_DUMP_INTR) after every retry; its own type because
 * callers may simply try again later (vishvananda ErrDumpInterrupted).
 */
public class DumpInterruptedException extends LinuxException {
  public DumpInterruptedException(String operation, int attempts) {
    super(operation + ": dump interrupted by concurrent changes " + attempts + " times in a row");
  }
}
