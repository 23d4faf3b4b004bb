// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.client;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up check that this identity may use Leases, so a missing RBAC rule is named at once instead of surfacing
 * as a stream of 403s from the election loop (JOSDK {@code checkLeaseAccess} does the same).
 */
public final class RbacPreflight {
  /** The verbs the Lease election uses. */
  public static final List<String> LEASE_VERBS = List.of("get", "list", "watch", "create", "update");

  private RbacPreflight() {}

  /** Outcome of the pre-flight. */
  public sealed interface Result permits Allowed, Missing, NotServed {}

  public record Allowed() implements Result {}

  /** Verbs the API server denied; {@link #message()} names them and the fix. */
  public record Missing(String namespace, List<String> verbs) implements Result {
    public String message() {
      return "RBAC: this identity may not " + String.join(", ", verbs) + " coordination.k8s.io/leases in namespace "
          + namespace + "; add those verbs to its (Cluster)Role (see `kubevip manifest rbac`)";
    }
  }

  /** The API does not serve SelfSubjectAccessReview (HTTP 404): nothing can be checked; the caller logs and goes on. */
  public record NotServed(String detail) implements Result {}

  public static Result checkLeases(KubernetesClient client, String namespace) {
    List<String> missing = new ArrayList<>();
    for (String verb : LEASE_VERBS) {
      SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
          .withNewSpec().withNewResourceAttributes()
          .withGroup("coordination.k8s.io").withResource("leases").withVerb(verb).withNamespace(namespace)
          .endResourceAttributes().endSpec().build();
      try {
        SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        if (answer.getStatus() == null || !Boolean.TRUE.equals(answer.getStatus().getAllowed())) {
          missing.add(verb);
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return new NotServed("SelfSubjectAccessReview not served (404): " + e.getMessage());
        }
        throw e;
      }
    }
    return missing.isEmpty() ? new Allowed() : new Missing(namespace, List.copyOf(missing));
  }
}
