// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Builds and tears down the {@link Topology} described by {@link NetnsTopology}. */
public final class NetnsTopologyExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(NetnsTopologyExtension.class);
  static final String REFUSE_ROOT = "kubevip.refuseRootNamespace";

  @Override
  public void beforeAll(ExtensionContext context) {
    Privileged.assume();
    System.setProperty(REFUSE_ROOT, "true");
    NetnsTopology spec = context.getRequiredTestClass().getAnnotation(NetnsTopology.class);
    int nodes = spec == null ? 2 : spec.nodes();
    boolean client = spec == null || spec.client();
    context.getStore(STORE).put(Topology.class, Topology.build(nodes, client));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Topology t = context.getStore(STORE).remove(Topology.class, Topology.class);
    if (t != null) {
      t.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == Topology.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    for (ExtensionContext c = e; c != null; c = c.getParent().orElse(null)) {
      Topology t = c.getStore(STORE).get(Topology.class, Topology.class);
      if (t != null) {
        return t;
      }
    }
    throw new ParameterResolutionException("no Topology: annotate the test class with @NetnsTopology");
  }
}
