import { isSpanContextValid, trace } from '@opentelemetry/api';

/** pino mixin: correlates each line with the active OpenTelemetry span, if there is one. */
export function traceMixin(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
