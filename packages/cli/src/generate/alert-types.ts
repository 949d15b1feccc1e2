/** Severity label of a generated alert; Alertmanager routes on it. */
export type Severity = 'warning' | 'critical';

/** One input series of a promtool unit test: labels in PromQL selector form and expanding-notation values. */
export interface TestSeries {
  readonly series: string;
  readonly values: string;
}

/** What the unit test of one alert feeds Prometheus and expects back. */
export interface AlertFixture {
  /** Input under which the alert must fire (every listed severity). */
  readonly firing: readonly TestSeries[];
  /** Input under which the alert must stay silent. */
  readonly quiet: readonly TestSeries[];
  /** Labels of the firing alert that come from the expression (job, instance, operation, …). */
  readonly labels: Readonly<Record<string, string>>;
  /** Severities expected to fire on the firing input (default: all levels of the alert). */
  readonly severities?: readonly Severity[];
}

/** Values the fixtures are built from: the test's time grid and the series' common labels. */
export interface FixtureContext {
  /** Samples per series; the test evaluates at the last one. */
  readonly samples: number;
  /** Seconds between samples. */
  readonly step: number;
  /** Samples covering one rate window. */
  readonly windowSamples: number;
  /** Samples covering the longest `for:` plus one rate window. */
  readonly settleSamples: number;
  /** `job="…",instance="…"` for series selectors. */
  readonly base: string;
  readonly job: string;
  readonly instance: string;
  /** `operation="…"` and the `--operation-labels` of the series under test, in selector form. */
  readonly operation: string;
  /** The same labels as an object, for the expected alert. */
  readonly operationLabels: Readonly<Record<string, string>>;
}

/** One level of an alert: its severity, threshold and how long it must hold. */
export interface AlertLevel {
  readonly severity: Severity;
  /** Threshold substituted into the expression and description (unused by threshold-free alerts). */
  readonly threshold: number;
  /** Default `for:` duration. */
  readonly for: string;
}

/**
 * A catalogue entry: an alert (one or two levels sharing the alert name, so that Alertmanager's
 * inhibition lets the critical one silence the warning), its annotations and its unit-test fixture.
 * Templates may use `{{ $labels.name }}` and `{{ threshold }}` (replaced at generation).
 */
export interface AlertDefinition {
  readonly alert: string;
  readonly group: 'operations' | 'platform' | 'telemetry';
  readonly levels: readonly AlertLevel[];
  readonly expr: (threshold: number) => string;
  readonly summary: string;
  readonly description: string;
  readonly runbook: string;
  /** How a person reads the threshold in the description (`5%`, `2s`, …). */
  readonly showThreshold: (threshold: number) => string;
  readonly fixture: (ctx: FixtureContext) => AlertFixture;
}
