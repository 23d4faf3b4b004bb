// SPDX-License-Identifier: Apache-2.0
/** rtnetlink messages and attributes in host byte order, as the kernel lays them out. */
package io.kubevip.linux.wire.netlink;
