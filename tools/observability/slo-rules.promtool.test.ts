import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toolBin } from '../paths.mjs';
import { ruleFile } from './prometheus-config.js';
import { sloRuleGroups, type AlertingRule } from './slo-rules.js';
import { loadSlos, RED_SERIES } from './slo-spec.js';

/**
 * The SLO rules as Prometheus runs them, checked by Prometheus' own promtool: `check rules` (syntax, PromQL)
 * and `test rules` with synthetic series over the real (unscaled) windows: the login burn-rate page fires a
 * few minutes into an outage and stays quiet on a one-minute blip.
 */
const promtool = toolBin('promtool');
const slos = loadSlos();
const groups = sloRuleGroups(slos);
const dir = mkdtempSync(join(tmpdir(), 'slo-rules-'));
writeFileSync(join(dir, 'slo-rules.yaml'), stringify(ruleFile(groups)));

const login = slos.find((s) => s.name === 'login-success');
const pageRule = groups
  .flatMap((g) => g.rules)
  .find(
    (r): r is AlertingRule =>
      'alert' in r && r.labels.slo === 'login-success' && r.labels.long_window === '1h',
  );

const route = '/browser/sign-in';
const series = (status: number, extra = '') =>
  `${RED_SERIES.http}_count{job="identity-sessions",http_route="${route}",http_request_method="POST",http_response_status_code="${status}"${extra}}`;

function runPromtool(args: string[]) {
  try {
    return { ok: true, out: execFileSync(promtool, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe.runIf(existsSync(promtool))(
  'SLO rules under promtool (skipped without promtool: npm run bootstrap installs it)',
  () => {
    it('every generated rule file passes promtool check rules', () => {
      const result = runPromtool(['check', 'rules', 'slo-rules.yaml']);
      expect(result.out).toContain('SUCCESS');
      expect(result.ok, result.out).toBe(true);
    });

    it('the login page alert fires minutes into an outage and not on a one-minute blip', () => {
      expect(login, 'observability/slos/login-success.yaml').toBeDefined();
      expect(pageRule).toBeDefined();
      const firing = {
        exp_labels: { ...pageRule!.labels, alertname: pageRule!.alert },
        exp_annotations: pageRule!.annotations,
      };
      const tests = {
        rule_files: ['slo-rules.yaml'],
        evaluation_interval: '1m',
        tests: [
          {
            name: 'outage: half the sign-ins fail from minute 60',
            interval: '1m',
            input_series: [
              { series: series(200), values: '0+10x120' },
              { series: series(500, ',error_type="500"'), values: '0x60 10+10x60' },
            ],
            alert_rule_test: [
              { eval_time: '59m', alertname: 'SloErrorBudgetBurn', exp_alerts: [] },
              // Both windows are over 14.4× the budget within a minute; `for: 2m` holds it pending until then.
              { eval_time: '62m', alertname: 'SloErrorBudgetBurn', exp_alerts: [] },
              { eval_time: '65m', alertname: 'SloErrorBudgetBurn', exp_alerts: [firing] },
            ],
          },
          {
            name: 'blip: one minute of failures, then healthy again',
            interval: '1m',
            input_series: [
              { series: series(200), values: '0+10x120' },
              { series: series(500, ',error_type="500"'), values: '0x60 5x60' },
            ],
            alert_rule_test: [
              { eval_time: '63m', alertname: 'SloErrorBudgetBurn', exp_alerts: [] },
              { eval_time: '75m', alertname: 'SloErrorBudgetBurn', exp_alerts: [] },
            ],
          },
        ],
      };
      writeFileSync(join(dir, 'login-success.test.yaml'), stringify(tests));
      const result = runPromtool(['test', 'rules', 'login-success.test.yaml']);
      expect(result.ok, result.out).toBe(true);
      expect(result.out).toContain('SUCCESS');
    });

    it('a rule that never fires would fail the same test (the test can fail)', () => {
      const broken = groups.map((g) => ({
        ...g,
        rules: g.rules.map((r) => ('alert' in r ? { ...r, expr: `${r.expr} > 1e9` } : r)),
      }));
      writeFileSync(join(dir, 'slo-rules.yaml'), stringify(ruleFile(broken)));
      try {
        const result = runPromtool(['test', 'rules', 'login-success.test.yaml']);
        expect(result.ok).toBe(false);
        expect(result.out).toContain('FAILED');
      } finally {
        writeFileSync(join(dir, 'slo-rules.yaml'), stringify(ruleFile(groups)));
      }
    });
  },
);
