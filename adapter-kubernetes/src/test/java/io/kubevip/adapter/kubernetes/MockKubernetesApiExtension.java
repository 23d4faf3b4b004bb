// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes;

import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.kubevip.testkit.BoundedShutdown;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts and tolerantly stops the server of {@link MockKubernetesApi}; see there for why. */
final class MockKubernetesApiExtension implements BeforeEachCallback, AfterEachCallback {
  /** A clean stop takes tens of milliseconds; a stalled one (a watch's backlog at teardown) its own 10 s and more. */
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(3);
  /** MockWebServer's own 10 s waits for its HTTP server and its Vert.x instance: "Unable to close ...". */
  private static final Predicate<RuntimeException> STALL = BoundedShutdown.illegalState("Unable to close");
  static final int REQUEST_TIMEOUT_MS = 90_000;
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MockKubernetesApiExtension.class);

  private record Api(KubernetesMockServer server, NamespacedKubernetesClient client) {}

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    boolean crud = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), MockKubernetesApi.class)
        .map(MockKubernetesApi::crud).orElse(false);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    Dispatcher dispatcher = crud ? new KubernetesMixedDispatcher(responses) : new MockDispatcher(responses);
    KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
        new MockWebServer(), responses, dispatcher, false);
    server.init();
    NamespacedKubernetesClient client =
        server.createClient(b -> b.editOrNewConfig().withRequestTimeout(REQUEST_TIMEOUT_MS).endConfig());
    context.getStore(NAMESPACE).put(Api.class, new Api(server, client));
    for (Object test : context.getRequiredTestInstances().getAllInstances()) {
      inject(test, server, client);
    }
  }

  private static void inject(Object test, KubernetesMockServer server, NamespacedKubernetesClient client)
      throws IllegalAccessException {
    for (Class<?> c = test.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        if (f.getType() == KubernetesMockServer.class) {
          f.setAccessible(true);
          f.set(test, server);
        } else if (Client.class.isAssignableFrom(f.getType()) && f.getType().isInstance(client)) {
          f.setAccessible(true);
          f.set(test, client);
        }
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Api api = context.getStore(NAMESPACE).remove(Api.class, Api.class);
    if (api == null) {
      return;
    }
    try {
      api.client().close();
    } finally {
      BoundedShutdown.run("mock API server", SHUTDOWN_WAIT, api.server()::destroy, STALL);
    }
  }
}
