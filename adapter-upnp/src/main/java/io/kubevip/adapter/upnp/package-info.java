// SPDX-License-Identifier: Apache-2.0
/** UPnP IGD port forwarding. */
package io.kubevip.adapter.upnp;
