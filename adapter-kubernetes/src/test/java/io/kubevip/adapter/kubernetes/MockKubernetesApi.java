// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fresh fabric8 mock API server and client for each test, injected into the test's {@code KubernetesClient} and
 * {@code KubernetesMockServer} fields, as fabric8's {@code @EnableKubernetesMockClient} does, but torn down so that
 * the mock's stalled shutdown (fabric8 PR #8131) can neither fail a test nor cost it ten seconds: the client (and with
 * it every watch and informer) is closed after the test's {@code @AfterEach} methods, then the server is stopped with a
 * bounded wait. Requests wait up to 90 s: when a client closes a watch while the mock is still sending it an event,
 * the mock's {@code WatchEventsListener.onClosed} blocks a Vert.x event loop waiting for that send, which itself waits
 * for the same event loop until its own 30 s write timeout; every request on that loop (and the stop) waits as long.
 * A real API server does not, and the port closing its watch (e.g. a liveness release) is not what is under test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MockKubernetesApiExtension.class)
public @interface MockKubernetesApi {
  /** CRUD mode (objects stored, watches served); expectations set with {@code server.expect()} still answer first. */
  boolean crud() default false;
}
