// SPDX-License-Identifier: Apache-2.0
/**
 * LoadBalancer Services at run time: one thread that serialises the allocator and the Services controller, fed by
 * the cluster watch, the liveness Leases and the {@code svc_leasename} election, plus its meters. Spring-free; the
 * beans and lifecycle phases live in {@code io.kubevip.app.boot.ServicesConfiguration}.
 */
package io.kubevip.app.services;
