// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.app.config.Configs;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.controlplane.DuplicateProbe;
import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Closing the manager context (what SIGTERM does) removes the VIP while the Lease is still held, then releases it. */
class ControlPlaneShutdownTest {
  private static final VipAddress VIP = VipAddress.parse("192.0.2.10");
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  static final MockApi API = new MockApi();
  /** Holder of the Lease at each removal of the VIP, as the API server saw it. */
  static final List<Optional<String>> HOLDER_AT_REMOVAL = new CopyOnWriteArrayList<>();
  static final FakeVipAddressPort ADDRESSES = new FakeVipAddressPort(ETH0);

  @Configuration(proxyBeanMethods = false)
  static class RecordingNetwork {
    @Bean
    @Primary
    ArpDataPlane recordingDataPlane() {
      io.kubevip.ports.out.VipAddressPort recording = new io.kubevip.ports.out.VipAddressPort() {
        @Override
        public void add(VipAddress vip, InterfaceName iface) {
          ADDRESSES.add(vip, iface);
        }

        @Override
        public void remove(VipAddress vip, InterfaceName iface) {
          HOLDER_AT_REMOVAL.add(API.holder("kube-system", "plndr-cp-lock"));
          ADDRESSES.remove(vip, iface);
        }

        @Override
        public Set<VipAddress> listOurs(InterfaceName iface) {
          return ADDRESSES.listOurs(iface);
        }

        @Override
        public java.util.Map<InterfaceName, Set<VipAddress>> listAllOurs() {
          return ADDRESSES.listAllOurs();
        }
      };
      return new ArpDataPlane(recording, new FakeL2AnnouncePort(ETH0), InterfaceMonitor.NONE, DuplicateProbe.NONE);
    }
  }

  @AfterEach
  void stopApi() {
    API.close();
  }

  @Test
  void givenLeadingManager_whenContextCloses_thenVipRemovedWhileLeaseHeldAndThenLeaseReleased() {
    SpringApplication app = new SpringApplication(KubevipApplication.class, RecordingNetwork.class);
    app.addInitializers(new KubevipContextInitializer(Configs.config(Map.of("vip_arp", "true", "cp_enable", "true",
        "address", "192.0.2.10", "vip_nodename", "node-a", "prometheus_server", "127.0.0.1:0", "vip_interface", "eth0",
        "k8s_config_file", API.kubeconfig.toString())), FeatureAvailability.current()));
    ConfigurableApplicationContext context = app.run();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> ADDRESSES.addresses(ETH0).contains(VIP));
    } finally {
      context.close();
    }

    assertThat(ADDRESSES.addresses(ETH0)).isEmpty();
    assertThat(HOLDER_AT_REMOVAL).isNotEmpty().allSatisfy(h -> assertThat(h).contains("node-a"));
    assertThat(API.holder("kube-system", "plndr-cp-lock")).isEmpty();
  }
}
