import { RED_SERIES, type Slo } from './slo-spec.js';

/**
 * Multi-window, multi-burn-rate alerts (the SRE workbook, chapter "Alerting on SLOs"; adr/0071): an alert
 * fires only when both the long and the short window burn the error budget faster than `burn` times the
 * sustainable rate, so a short blip (short window only) or an old incident (long window only) stays quiet.
 * Page when 2 % of a 30-day budget goes in an hour or 5 % in six hours; ticket for 10 % in three days.
 */
export const BURN_RATE_ALERTS = [
  { severity: 'page', long: 3600, short: 300, burn: 14.4, for: 120 },
  { severity: 'page', long: 6 * 3600, short: 1800, burn: 6, for: 900 },
  { severity: 'ticket', long: 24 * 3600, short: 2 * 3600, burn: 3, for: 3600 },
  { severity: 'ticket', long: 3 * 24 * 3600, short: 6 * 3600, burn: 1, for: 3 * 3600 },
] as const;

export interface RuleOptions {
  /**
   * Divides every window and `for` by this factor. 1 in a real stack; the test stack uses a larger one so
   * that the alert fault test fires and resolves in seconds (an hour becomes a minute at 60). promtool's unit
   * tests run the real windows.
   */
  timeScale?: number;
}

export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}
export interface AlertingRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export interface RuleGroup {
  name: string;
  rules: (RecordingRule | AlertingRule)[];
}

/** Seconds as a Prometheus duration: the largest whole unit (1h, 30m, 45s). */
export function promDuration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (s % size === 0) return `${s / size}${unit}`;
  }
  return `${s}s`;
}

const regexEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const quoted = (text: string) => JSON.stringify(text);

/** The series selector of an SLO's requests (all, or only server errors). */
function selector(slo: Slo, errorsOnly: boolean): string {
  const { sli } = slo;
  const matchers = [`job=${quoted(slo.service)}`];
  if (sli.metric === 'http') matchers.push(`http_route=~${quoted(sli.routes.map(regexEscape).join('|'))}`);
  else {
    const methods = sli.rpcMethods.join('|');
    matchers.push(`rpc_method=~${quoted(`${regexEscape(sli.rpcService)}/(${methods})`)}`);
  }
  if (errorsOnly) matchers.push('error_type!=""');
  return `{${matchers.join(',')}}`;
}

/** The ratio of bad events over `window` (a PromQL expression). */
export function errorRatioExpr(slo: Slo, window: string): string {
  const series = RED_SERIES[slo.sli.metric];
  const total = `sum(rate(${series}_count${selector(slo, false)}[${window}]))`;
  if (slo.sli.kind === 'availability') {
    const errors = `sum(rate(${series}_count${selector(slo, true)}[${window}]))`;
    return `(${errors} or vector(0)) / ${total}`;
  }
  const le = `${selector(slo, false).slice(0, -1)},le=${quoted(String(slo.sli.thresholdSeconds ?? '+Inf'))}}`;
  return `1 - (sum(rate(${series}_bucket${le}[${window}])) / ${total})`;
}

export const errorRatioRecord = (window: string) => `slo:error_ratio:rate${window}`;

/** Recording rules for every window the alerts use, then the burn-rate alerts; one group per SLO. */
export function sloRuleGroups(slos: readonly Slo[], { timeScale = 1 }: RuleOptions = {}): RuleGroup[] {
  const scaled = (seconds: number) => promDuration(seconds / timeScale);
  const windows = [...new Set(BURN_RATE_ALERTS.flatMap((a) => [a.long, a.short]))].sort((a, b) => a - b);
  return slos.map((slo) => {
    const labels = { slo: slo.name, service: slo.service };
    const budget = (100 - slo.objective) / 100;
    const recording: RecordingRule[] = [
      { record: 'slo:objective:ratio', expr: `vector(${slo.objective / 100})`, labels },
      ...windows.map((w) => ({
        record: errorRatioRecord(promDuration(w)),
        expr: errorRatioExpr(slo, scaled(w)),
        labels,
      })),
    ];
    const alerts: AlertingRule[] = BURN_RATE_ALERTS.map((a) => {
      const threshold = `${a.burn} * ${Number(budget.toPrecision(6))}`;
      const match = `{slo=${quoted(slo.name)}}`;
      return {
        alert: 'SloErrorBudgetBurn',
        expr:
          `${errorRatioRecord(promDuration(a.long))}${match} > (${threshold})` +
          ` and ${errorRatioRecord(promDuration(a.short))}${match} > (${threshold})`,
        for: scaled(a.for),
        labels: { ...labels, severity: a.severity, long_window: promDuration(a.long) },
        annotations: {
          summary: `${slo.description}: error budget burning ${a.burn}× too fast`,
          description:
            `SLO ${slo.name} (${slo.objective} %): over the last ${promDuration(a.long)} and ` +
            `${promDuration(a.short)} the error ratio is above ${a.burn}× the budget of ${Number((budget * 100).toPrecision(6))} %.`,
        },
      };
    });
    return { name: `slo-${slo.name}`, rules: [...recording, ...alerts] };
  });
}
