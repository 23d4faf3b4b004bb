// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.cli.Cli;
import io.kubevip.app.cli.ManagerLauncher;
import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.EffectiveConfig;
import io.kubevip.app.config.FeatureAvailability;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/** Starts the Spring Boot manager context for a validated configuration. */
public final class SpringManagerLauncher implements ManagerLauncher {

  @Override
  public int launch(EffectiveConfig config, DataPlaneMode mode, FeatureAvailability features) {
    try {
      start(config, features);
      return Cli.RUNNING;
    } catch (RuntimeException e) {
      // Boot has logged the failure analysis; say it once more in one line for container logs.
      System.err.println("kubevip manager: start-up failed: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Starts the manager context; the caller owns it (the CLI keeps it running until SIGTERM, tests close it).
   *
   * @throws IllegalStateException when the configuration is not valid for {@code features}
   */
  public static ConfigurableApplicationContext start(EffectiveConfig config, FeatureAvailability features) {
    SpringApplication app = new SpringApplication(KubevipApplication.class);
    // Nothing else keeps the JVM alive: no servlet container, and every kubevip thread is a daemon.
    app.setKeepAlive(true);
    app.addListeners(new EarlyInstall(config));
    app.addInitializers(new KubevipContextInitializer(config, features));
    return app.run();
  }

  /**
   * Installs the resolved properties when the environment is prepared, before the logging system reads its
   * settings (the initializer would be too late for {@code logging.structured.format.console}), and after
   * application files are loaded (Boot's config-data listener runs at HIGHEST_PRECEDENCE + 10).
   */
  private record EarlyInstall(EffectiveConfig config)
      implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
      ResolvedPropertySource.install(event.getEnvironment(), config);
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE + 15;
    }
  }
}
