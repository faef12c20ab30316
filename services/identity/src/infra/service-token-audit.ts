import { metrics } from '@opentelemetry/api';
import type { Logger } from '@shopstream/service-defaults';
import type { ServiceTokenAudit } from '../app/ports.js';

const grants = metrics.getMeter('@shopstream/identity').createCounter('identity.service_tokens', {
  description: 'Client-credentials grants by client and outcome (issued, invalid_client, unknown_tenant)',
  unit: '{grant}',
});

/**
 * Grant decisions as audit log lines (`audit: service_token`, client, tenant, outcome, the token's jti and
 * expiry — never the secret or the token) and as the counter `identity.service_tokens{client, outcome}`.
 * The client attribute is bounded: an undeclared id is counted as `unknown`.
 */
export function serviceTokenAudit(
  logger: Pick<Logger, 'info' | 'warn'>,
  known: (id: string) => boolean,
): ServiceTokenAudit {
  return {
    record(event) {
      grants.add(1, { client: known(event.clientId) ? event.clientId : 'unknown', outcome: event.outcome });
      if (event.outcome === 'issued')
        logger.info({ audit: 'service_token', ...event }, 'service token issued');
      else logger.warn({ audit: 'service_token', ...event }, 'service token refused');
    },
  };
}
