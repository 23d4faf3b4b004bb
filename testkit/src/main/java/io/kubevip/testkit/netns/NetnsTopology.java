// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One throw-away namespace {@link Topology} per test class: built before all tests (skipping without
 * root, see {@link Privileged}), torn down after all tests and by a shutdown hook. Inject it as a
 * {@code Topology} parameter of a test, lifecycle method or constructor. Also sets
 * {@code kubevip.refuseRootNamespace=true} so product code refuses to change the root namespace.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NetnsTopologyExtension.class)
public @interface NetnsTopology {
  /** Number of nodes n1..nN (0..9). */
  int nodes() default 2;

  /** Whether to add a {@code client} namespace. */
  boolean client() default true;
}
