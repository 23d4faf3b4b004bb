// SPDX-License-Identifier: Apache-2.0
/** Pure model and decisions: VIPs, pools, allocation, placement, plans, lease arithmetic. JDK only. */
package io.kubevip.domain;
