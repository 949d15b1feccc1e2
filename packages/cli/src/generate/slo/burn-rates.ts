import type { Severity } from '../alert-types';

/** Windows the SLI error ratio is recorded over (the alerts' long and short windows). */
export const SLO_RATE_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

/** One of {@link SLO_RATE_WINDOWS}. */
export type SloRateWindow = (typeof SLO_RATE_WINDOWS)[number];

/** One multi-window burn-rate alert: fires when both windows burn the budget `factor` times too fast. */
export interface BurnRateAlert {
  readonly alert: string;
  /** `critical` pages, `warning` opens a ticket. */
  readonly severity: Severity;
  readonly urgency: 'page' | 'ticket';
  /** Burn rate: how many times faster than "exactly the budget over the SLO window". */
  readonly factor: number;
  readonly long: SloRateWindow;
  readonly short: SloRateWindow;
  /** Default `for:` (`--alert-for` replaces it). */
  readonly for: string;
}

/**
 * The four alerts of the Google SRE workbook ("Alerting on SLOs", multiwindow, multi-burn-rate):
 * page at 14.4x over 1h and 5m and at 6x over 6h and 30m; ticket at 3x over 1d and 2h and at 1x over
 * 3d and 6h. The short window makes an alert stop soon after the burning stops.
 * @see https://sre.google/workbook/alerting-on-slos/
 */
export const BURN_RATE_ALERTS: readonly BurnRateAlert[] = [
  {
    alert: 'SloBurnRatePage1h',
    severity: 'critical',
    urgency: 'page',
    factor: 14.4,
    long: '1h',
    short: '5m',
    for: '2m',
  },
  {
    alert: 'SloBurnRatePage6h',
    severity: 'critical',
    urgency: 'page',
    factor: 6,
    long: '6h',
    short: '30m',
    for: '15m',
  },
  {
    alert: 'SloBurnRateTicket1d',
    severity: 'warning',
    urgency: 'ticket',
    factor: 3,
    long: '1d',
    short: '2h',
    for: '1h',
  },
  {
    alert: 'SloBurnRateTicket3d',
    severity: 'warning',
    urgency: 'ticket',
    factor: 1,
    long: '3d',
    short: '6h',
    for: '3h',
  },
];

/** The highest burn rate; an objective whose budget times it reaches 100% could never page. */
export const FASTEST_BURN = Math.max(...BURN_RATE_ALERTS.map((a) => a.factor));
