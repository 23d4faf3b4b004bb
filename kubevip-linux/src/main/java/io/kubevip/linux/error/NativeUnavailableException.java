// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.error;

/**
 * JNA or libc could not be loaded; health checks report DOWN instead of the process exiting from a
 * static initialiser (the MidoNet CLibrary mistake).
 */
public class NativeUnavailableException extends LinuxException {
  public NativeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
