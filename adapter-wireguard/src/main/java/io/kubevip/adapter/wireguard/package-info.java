// SPDX-License-Identifier: Apache-2.0
/** WireGuard tunnel mode. */
package io.kubevip.adapter.wireguard;
