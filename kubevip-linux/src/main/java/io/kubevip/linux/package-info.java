// SPDX-License-Identifier: Apache-2.0
/** Shared Linux layer: rtnetlink, packet sockets, ICMPv6, sysctls, namespaces over JNA. */
package io.kubevip.linux;
