// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.node.TableRoute;
import java.util.Set;

/**
 * Kernel routes to VIPs in a dedicated table and protocol, for routing-table mode where BIRD or FRR exports
 * them. The (table, protocol) pair in each {@link TableRoute} is what marks a route as ours.
 *
 * <p>Caller: use-case services, and startup cleanup ({@code vip_cleanroutingtable}). Threading: one caller at a
 * time. Idempotency: adding a present route and removing an absent one succeed without change.
 */
public interface RouteTablePort {
  /** Equivalent to: {@code ip route replace $dst dev $dev table $table proto $protocol}. */
  void add(TableRoute route);

  /** Equivalent to: {@code ip route del $dst dev $dev table $table proto $protocol}. */
  void remove(TableRoute route);

  /** Equivalent to: {@code ip route show table $table proto $protocol}. */
  Set<TableRoute> list(int table, int protocol);
}
