// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.settings;

import java.time.Duration;

/**
 * Lease names and timings; durations may be sub-second when given as kubevip.* properties.
 *
 * @param enabled control-plane election on
 * @param namespace lease namespace
 * @param leaseName control-plane lease
 * @param servicesLeaseName global services lease
 * @param leaseDuration lease duration
 * @param renewDeadline renew deadline (shorter than leaseDuration)
 * @param retryPeriod retry period (shorter than renewDeadline)
 * @param servicesElection one election per Service
 */
public record LeaderElectionSettings(boolean enabled, String namespace, String leaseName, String servicesLeaseName,
    Duration leaseDuration, Duration renewDeadline, Duration retryPeriod, boolean servicesElection) {}
