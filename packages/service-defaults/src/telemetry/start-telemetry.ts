import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { TelemetryConfig } from '../config/telemetry-config.js';
import { createInstrumentations } from './instrumentations.js';
import type { TelemetryHandle } from './telemetry-state.js';

/** Starts the NodeSDK with OTLP/HTTP protobuf exporters to `<endpoint>/v1/traces` and `/v1/metrics`. */
export function startTelemetry(
  config: TelemetryConfig & { OTEL_EXPORTER_OTLP_ENDPOINT: string },
): TelemetryHandle {
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '');
  const sdk = new NodeSDK({
    serviceName: config.SERVICE_NAME,
    traceExporter: new OTLPTraceExporter({ url: `${base}/v1/traces` }),
    metricReaders: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }),
        exportIntervalMillis: 15_000,
      }),
    ],
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    instrumentations: createInstrumentations(),
  });
  sdk.start();
  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    shutdown: () => (stopped ??= sdk.shutdown()),
  };
}
