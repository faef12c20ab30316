/**
 * What a metric label may carry (issue 19): no personal or payment data, and nothing unbounded such as a raw
 * URL, an id or a user. Checked over every series Prometheus holds by test/platform/metrics.integration.test.ts.
 */

/** Label names that would carry an identifier, a person or a raw address. */
const FORBIDDEN_NAME =
  /^(user|user_id|enduser_id|email|tenant|tenant_id|session|session_id|token|card|card_number|ip|client_ip|client_address|url|url_full|url_path|url_query|http_url|http_target|order_id|product_id|sku|payment_id)$/;

/** Values that are identifiers or personal data whatever the label is called. */
const FORBIDDEN_VALUE: readonly [RegExp, string][] = [
  [/[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/i, 'a UUID'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}\b/i, 'an e-mail address'],
  [/\b\d{13,19}\b/, 'a card-like number'],
  [/\/(\d{3,}|[\da-f]{16,})(\/|$)/i, 'a path with an id in it (use the route template)'],
  [/[?&][\w.-]+=/, 'a query string'],
];

/**
 * The exporter's resource series: one per process (bounded by construction), whose values are the process's
 * own command line and instance id. Checked for label names only.
 */
const RESOURCE_SERIES = 'target_info';

/** More distinct values than this for one label of one metric of one job is unbounded. */
export const MAX_DISTINCT_VALUES = 100;

/** Labels Prometheus or the exporters add, whose values are bounded by construction. */
const BOUNDED_BY_CONSTRUCTION = new Set(['__name__', 'job', 'instance', 'le', 'quantile']);

export type Series = Record<string, string>;

export interface LabelViolation {
  metric: string;
  job: string;
  label: string;
  why: string;
}

/** Every breach of the policy in `series` (one entry per metric, label and reason). */
export function labelViolations(series: readonly Series[], max = MAX_DISTINCT_VALUES): LabelViolation[] {
  const found = new Map<string, LabelViolation>();
  const add = (v: LabelViolation) => found.set(`${v.metric} ${v.job} ${v.label} ${v.why}`, v);
  const distinct = new Map<string, Set<string>>();
  for (const s of series) {
    const metric = s.__name__ ?? '(no name)';
    const job = s.job ?? '(no job)';
    for (const [label, value] of Object.entries(s)) {
      if (BOUNDED_BY_CONSTRUCTION.has(label)) continue;
      if (FORBIDDEN_NAME.test(label))
        add({ metric, job, label, why: 'the label name carries an identifier or personal data' });
      if (metric === RESOURCE_SERIES) continue;
      for (const [pattern, what] of FORBIDDEN_VALUE) {
        if (pattern.test(value))
          add({ metric, job, label, why: `a value is ${what}: ${value.slice(0, 80)}` });
      }
      const key = `${metric}\u0000${job}\u0000${label}`;
      const values = distinct.get(key) ?? new Set<string>();
      values.add(value);
      distinct.set(key, values);
    }
  }
  for (const [key, values] of distinct) {
    if (values.size <= max) continue;
    const [metric = '', job = '', label = ''] = key.split('\u0000');
    add({ metric, job, label, why: `${values.size} distinct values (more than ${max}: unbounded)` });
  }
  return [...found.values()];
}
