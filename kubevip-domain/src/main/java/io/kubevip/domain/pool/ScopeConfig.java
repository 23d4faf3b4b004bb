// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

/** What the ConfigMap says for one scope (a namespace or {@code global}); null fields are absent keys. */
record ScopeConfig(Pool cidr, Pool range, Boolean allowShare, String interfaceName) {
  static final ScopeConfig EMPTY = new ScopeConfig(null, null, null, null);

  ScopeConfig withCidr(Pool p) {
    return new ScopeConfig(p, range, allowShare, interfaceName);
  }

  ScopeConfig withRange(Pool p) {
    return new ScopeConfig(cidr, p, allowShare, interfaceName);
  }

  ScopeConfig withAllowShare(Boolean b) {
    return new ScopeConfig(cidr, range, b, interfaceName);
  }

  ScopeConfig withInterface(String i) {
    return new ScopeConfig(cidr, range, allowShare, i);
  }
}
