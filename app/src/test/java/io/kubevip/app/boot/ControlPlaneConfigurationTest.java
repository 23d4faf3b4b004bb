// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneConfigurationTest {
  @TempDir
  Path dir;

  @Test
  void givenProcNetRoute_whenParsed_thenTheDefaultRoutesInterface() {
    assertThat(DefaultRouteInterface.parse(List.of(
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask",
        "ens4\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF",
        "ens3\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000"))).contains("ens3");
    assertThat(DefaultRouteInterface.parse(List.of("Iface\tDestination", "ens4\t0001A8C0"))).isEmpty();
  }

  @Test
  void givenServiceAccountNamespaceFile_whenPresent_thenItWinsOverCpNamespace() throws Exception {
    Path ns = dir.resolve("namespace");
    assertThat(ControlPlaneConfiguration.leaseNamespace(ns, "kube-system")).isEqualTo("kube-system");
    Files.writeString(ns, "kubevip-system\n");
    assertThat(ControlPlaneConfiguration.leaseNamespace(ns, "kube-system")).isEqualTo("kubevip-system");
  }
}
