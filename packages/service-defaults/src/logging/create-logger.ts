import { pino, type DestinationStream, type Logger } from 'pino';
import { redactPaths } from './redact-paths.js';
import { traceMixin } from './trace-mixin.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly service: string;
  readonly level: string;
  /** Extra keys to redact, on top of `SENSITIVE_KEYS`. */
  readonly redactKeys?: readonly string[];
  /** Where JSON lines go; stdout when omitted. Tests pass an in-memory stream. */
  readonly destination?: DestinationStream;
}

/** JSON-lines logger with `service`, `trace_id`/`span_id` on every line and secrets/PII redacted. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: traceMixin,
      redact: { paths: redactPaths(options.redactKeys), censor: '[REDACTED]' },
    },
    options.destination,
  );
}
