// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app;

/** Entry point placeholder; replaced by the CLI. */
public final class KubevipMain {
  private KubevipMain() {}

  public static void main(String[] args) {
    System.out.println("kubevip");
  }
}
