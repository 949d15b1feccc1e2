/**
 * Default bucket boundaries for histograms whose unit is seconds (`s`): 5 ms to 10 s, the
 * OpenTelemetry semantic-conventions advice for request durations. The SDK's own defaults
 * (0 to 10,000) suit milliseconds and would put every duration in seconds into the first buckets.
 */
export const SECONDS_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
]);
