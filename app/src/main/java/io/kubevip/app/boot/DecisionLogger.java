// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.config.EffectiveConfig;
import io.kubevip.app.config.StartupDecisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/** Logs each start-up decision on its own line with its reason, once the logging system is configured. */
public class DecisionLogger implements ApplicationListener<ApplicationStartedEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionLogger.class);

  @Override
  public void onApplicationEvent(ApplicationStartedEvent event) {
    EffectiveConfig config = event.getApplicationContext().getBean(EffectiveConfig.class);
    StartupDecisions.of(config).forEach(LOG::info);
  }
}
