// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The manager's Spring context. Configuration classes are listed, not component-scanned, so what runs in each
 * mode is visible here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({SettingsConfiguration.class, MetricsConfiguration.class, DecisionLogger.class, ArpModeConfiguration.class,
    ArpDataPlaneConfiguration.class, ControlPlaneConfiguration.class, ServicesConfiguration.class,
    BgpModeConfiguration.class, RouteTableModeConfiguration.class, WireguardModeConfiguration.class, HttpConfiguration.class,
    NodeLabelsConfiguration.class})
public class KubevipApplication {}
