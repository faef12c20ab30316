/** How fast Alertmanager groups and repeats; the test stack shortens them (tools/ci/test-stack.ts). */
export interface AlertmanagerTiming {
  groupWaitSeconds: number;
  groupIntervalSeconds: number;
  repeatIntervalSeconds: number;
}

export const DEFAULT_ALERTMANAGER_TIMING: AlertmanagerTiming = {
  groupWaitSeconds: 30,
  groupIntervalSeconds: 300,
  repeatIntervalSeconds: 4 * 3600,
};

/**
 * alertmanager.yml: every alert goes to the stack's alert sink (tools/stack/alert-sink.ts), grouped per SLO
 * and severity, resolved notifications included. A page for an SLO silences its tickets (inhibition): whoever
 * is paged does not need the ticket too.
 */
export function alertmanagerConfig(sinkUrl: string, timing: AlertmanagerTiming) {
  return {
    route: {
      receiver: 'stack-sink',
      group_by: ['alertname', 'slo', 'severity'],
      group_wait: `${timing.groupWaitSeconds}s`,
      group_interval: `${timing.groupIntervalSeconds}s`,
      repeat_interval: `${timing.repeatIntervalSeconds}s`,
    },
    receivers: [{ name: 'stack-sink', webhook_configs: [{ url: sinkUrl, send_resolved: true }] }],
    inhibit_rules: [
      { source_matchers: ['severity="page"'], target_matchers: ['severity="ticket"'], equal: ['slo'] },
    ],
  };
}
