// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

/** A lab step that failed; its message names the step and is shown to the user as one line. */
public class LabException extends RuntimeException {
  public LabException(String message) {
    super(message);
  }

  public LabException(String message, Throwable cause) {
    super(message, cause);
  }
}
