// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

/**
 * RFC 4271 §8.2.2 states as this connect-only speaker passes them (it never listens, like kube-vip, so Active
 * is not used).
 */
public enum SessionState {
  IDLE, CONNECT, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED
}
