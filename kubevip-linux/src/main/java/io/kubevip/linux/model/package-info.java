// SPDX-License-Identifier: Apache-2.0
/** Portable records for links, addresses, routes, neighbours and their change events (JDK only). */
package io.kubevip.linux.model;
