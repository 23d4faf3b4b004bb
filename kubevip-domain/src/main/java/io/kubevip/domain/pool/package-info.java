// SPDX-License-Identifier: Apache-2.0
/**
 * Address pools of kube-vip-cloud-provider (ConfigMap {@code kube-system/kubevip}) and a pure, deterministic
 * allocator over them. Nothing here talks to Kubernetes: callers pass the ConfigMap data and the addresses in use.
 *
 * <p>Entry points: {@link io.kubevip.domain.pool.PoolConfig#parse}, {@link io.kubevip.domain.pool.Allocator}
 * ({@code allocate}, {@code session}, {@code checkRequested}) and {@link io.kubevip.domain.pool.AllocationSession}.
 *
 * <h2>Decisions (where upstream is silent, buggy or surprising)</h2>
 * <ul>
 *   <li>Lookup order is {@code cidr-<ns>}, {@code range-<ns>}, {@code cidr-global}, {@code range-global}; the first
 *       key present is the pool, with no fall-through when it is exhausted or all its entries are malformed
 *       (falling through would quietly move a namespace onto shared addresses). Upstream code consults
 *       {@code cidr-global} before {@code range-<ns>}; we keep a namespace's own pool first.</li>
 *   <li>Malformed entries become {@link io.kubevip.domain.pool.PoolProblem}s and the rest of the key still works.
 *       Unknown keys are problems too (with a "did you mean" for {@code cidr_global}, {@code Range-Prod},
 *       {@code cidrs-prod}...), except keys starting with {@code x-}: those are the user's notes and are ignored.
 *       A key whose namespace part is not a valid namespace name (upper case, underscore) is a problem, since it
 *       could never apply.</li>
 *   <li>{@code search-order}: {@code desc} or {@code asc}/empty; anything else is a problem and means ascending.
 *       {@code skip-end-ips-in-cidr}: {@code true}/{@code false}; {@code allow-share-*}: Go
 *       {@code strconv.ParseBool} spellings, as upstream.</li>
 *   <li>Several entries of one key form one set (overlaps merged); "first free" is over that set in address
 *       order, like upstream's netipx.IPSet. A CIDR with host bits ({@code 10.0.0.5/24}) is masked, like Go.</li>
 *   <li>{@code skip-end-ips-in-cidr} drops the first and last address of each CIDR entry except /31, /32, /127
 *       and /128 (RFC 3021: no network/broadcast pair). IPv4 .0 and .255 are always skipped, in every pool.
 *       Addresses no VIP can have (loopback, multicast, link-local IPv6, IPv4-mapped IPv6) are skipped; an
 *       entry lying wholly in such a block is a problem.</li>
 *   <li>DHCP: {@code 0.0.0.0/32} (IPv4) and {@code ::/128} (IPv6) in a {@code cidr-*} key make that family DHCP;
 *       other entries of that family in the key are reported and ignored. Every Service gets the marker.</li>
 *   <li>In-use addresses count cluster-wide, also for namespace pools (upstream lists only that namespace's
 *       Services, so two overlapping namespace pools could hand out one address twice).</li>
 *   <li>Sharing ({@code allow-share-<ns>}, else {@code -global}): IPv4 only, as upstream; the shared address must
 *       lie in the Service's pool and is the first eligible one in search order (upstream: random map order);
 *       ports clash by protocol and number, so {@code 53/TCP} and {@code 53/UDP} can share; a Service without
 *       ports neither shares nor can be shared with.</li>
 *   <li>PreferDualStack that gets nothing fails with the reasons (upstream can return an empty list);
 *       RequireDualStack allocates both families or nothing.</li>
 *   <li>A Service that already holds addresses is not special to the allocator: ask only for Services without
 *       addresses, as the cloud-provider does (it only allocates when the annotation is empty).</li>
 *   <li>User-chosen addresses outside every pool are accepted, flagged {@code outsidePools} so callers can warn.</li>
 * </ul>
 */
package io.kubevip.domain.pool;
