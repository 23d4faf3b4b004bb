// SPDX-License-Identifier: Apache-2.0
/** Port interfaces and the use cases that drive them. Domain and JDK types only. */
package io.kubevip.ports;
