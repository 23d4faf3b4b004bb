// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import io.kubevip.app.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} on every command prints the same as {@code kubevip version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo info = BuildInfo.load();
    return new String[] {"kubevip " + info.version() + " (build " + info.build() + ")",
        "configuration compatible with kube-vip v1.2.3"};
  }
}
