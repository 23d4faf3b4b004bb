// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes the test's fabric8 client after the test's own {@code @AfterEach} methods and before the mock API server
 * shuts down. The mock extension stops the server first and waits (10 s) for open connections — informers and
 * watches — to go, which on a loaded machine fails the test with "Unable to close MockWebServer". Register it
 * AFTER {@code @EnableKubernetesMockClient}: later extensions run their after-callbacks first.
 */
public final class CloseClientBeforeServer implements AfterEachCallback {
  @Override
  public void afterEach(ExtensionContext context) throws IllegalAccessException {
    Object test = context.getRequiredTestInstance();
    for (Class<?> c = test.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (KubernetesClient.class.isAssignableFrom(f.getType())) {
          f.setAccessible(true);
          Object client = f.get(test);
          if (client != null) {
            ((KubernetesClient) client).close();
          }
        }
      }
    }
  }
}
