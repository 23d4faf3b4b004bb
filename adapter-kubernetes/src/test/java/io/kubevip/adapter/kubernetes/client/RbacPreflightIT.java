// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import java.util.Set;
import org.junit.jupiter.api.Test;

@MockKubernetesApi
class RbacPreflightIT {
  private static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

  KubernetesMockServer server;
  KubernetesClient client;

  private void answer(Set<String> allowedVerbs) {
    server.expect().post().withPath(PATH).andReply(201, req -> {
      SelfSubjectAccessReview r = new KubernetesSerialization().unmarshal(req.getBody().readUtf8(), SelfSubjectAccessReview.class);
      r.setStatus(new io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder()
          .withAllowed(allowedVerbs.contains(r.getSpec().getResourceAttributes().getVerb())).build());
      return r;
    }).always();
  }

  @Test
  void givenAllVerbsAllowed_whenCheck_thenAllowed() {
    answer(Set.copyOf(RbacPreflight.LEASE_VERBS));

    assertThat(RbacPreflight.checkLeases(client, "kube-system")).isInstanceOf(RbacPreflight.Allowed.class);
  }

  @Test
  void givenWatchAndUpdateDenied_whenCheck_thenMissingNamesThoseVerbs() {
    answer(Set.of("get", "list", "create"));

    RbacPreflight.Result r = RbacPreflight.checkLeases(client, "kube-system");

    assertThat(r).isInstanceOfSatisfying(RbacPreflight.Missing.class, m -> {
      assertThat(m.verbs()).containsExactly("watch", "update");
      assertThat(m.message()).contains("may not watch, update coordination.k8s.io/leases in namespace kube-system");
    });
  }

  @Test
  void givenReviewNotServed_whenCheck_thenNotServed() {
    server.expect().post().withPath(PATH).andReturn(404, "not found").always();

    assertThat(RbacPreflight.checkLeases(client, "kube-system")).isInstanceOf(RbacPreflight.NotServed.class);
  }
}
