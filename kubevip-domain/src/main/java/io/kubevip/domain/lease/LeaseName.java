// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code coordination.k8s.io/v1} Lease by namespace and name ({@code vip_leasename}, {@code svc_leasename},
 * {@code kube-vip.io/leaseName}); kube-vip accepts {@code namespace/name} or a bare name in a default namespace.
 */
public record LeaseName(String namespace, String name) {
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  public LeaseName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
      throw new IllegalArgumentException("lease namespace '" + namespace
          + "': expected a DNS label (lower-case letters, digits, '-', at most 63 characters)");
    }
    if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      throw new IllegalArgumentException("lease name '" + name
          + "': expected a DNS subdomain (lower-case letters, digits, '-', '.', at most 253 characters)");
    }
  }

  /**
   * Parses {@code name} or {@code namespace/name}.
   *
   * @param setting the setting the text came from, named in errors (e.g. {@code vip_leasename})
   */
  public static LeaseName parse(String setting, String text, String defaultNamespace) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(setting + " is empty: expected a lease name or namespace/name");
    }
    String[] parts = text.trim().split("/", -1);
    try {
      if (parts.length == 1) {
        return new LeaseName(defaultNamespace, parts[0]);
      }
      if (parts.length == 2) {
        return new LeaseName(parts[0], parts[1]);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + "='" + text + "': " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(setting + "='" + text + "': expected name or namespace/name");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
