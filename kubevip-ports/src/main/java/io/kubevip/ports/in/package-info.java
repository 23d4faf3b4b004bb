// SPDX-License-Identifier: Apache-2.0
/**
 * Driving (primary) ports: what the outside (cluster watchers, leadership callbacks, timers in the app) asks the
 * hexagon to do, each as a {@code *UseCase} taking one command record.
 */
package io.kubevip.ports.in;
