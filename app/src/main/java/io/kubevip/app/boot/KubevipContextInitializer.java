// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.config.ConfigValidator;
import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.EffectiveConfig;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.config.Problem;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hands a validated configuration to a Spring context: property source, mode profile, and the configuration,
 * mode and feature set as beans. Refuses an invalid configuration, so no context can start without validation.
 * Tests extend it to start the manager context with a feature set of their choosing.
 */
public class KubevipContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private final EffectiveConfig config;
  private final FeatureAvailability features;

  public KubevipContextInitializer(EffectiveConfig config, FeatureAvailability features) {
    List<Problem> problems = ConfigValidator.validate(config, features);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid configuration: "
          + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    }
    this.config = config;
    this.features = features;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ResolvedPropertySource.install(context.getEnvironment(), config);
    var beans = context.getBeanFactory();
    beans.registerSingleton("effectiveConfig", config);
    beans.registerSingleton("featureAvailability", features);
    beans.registerSingleton("dataPlaneMode", DataPlaneMode.of(config));
  }

  EffectiveConfig config() {
    return config;
  }
}
