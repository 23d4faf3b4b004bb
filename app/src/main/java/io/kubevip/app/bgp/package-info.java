// SPDX-License-Identifier: Apache-2.0
/**
 * BGP mode in the manager: kube-vip's {@code bgp_*} settings translated for the BGP adapter, the control-plane
 * VIP advertised over BGP (elected or ECMP, gated by the local API health check), and the speaker's metrics and
 * health details. One speaker per process; Services reuse its {@code BgpAdvertisementPort} bean.
 */
package io.kubevip.app.bgp;
