// SPDX-License-Identifier: Apache-2.0
/** VIP routes in a kernel routing table for an external routing daemon. */
package io.kubevip.adapter.routetable;
