// SPDX-License-Identifier: Apache-2.0
/** Layer 2 announcements: gratuitous ARP and unsolicited NA, duplicate detection. */
package io.kubevip.adapter.arp;
