import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { PeriodicExportingMetricReader, type MetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { TelemetryConfig } from '../config/telemetry-config.js';
import { createInstrumentations } from './instrumentations.js';
import type { TelemetryHandle } from './telemetry-state.js';

/**
 * Metrics for Prometheus to scrape on 127.0.0.1:METRICS_PORT/metrics when the port is set (the stack's
 * Prometheus does, adr/0070), else pushed by OTLP every 15 s to `<endpoint>/v1/metrics`.
 */
function metricReader(base: string, metricsPort: number | undefined): MetricReader {
  if (metricsPort !== undefined) return new PrometheusExporter({ host: '127.0.0.1', port: metricsPort });
  return new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }),
    exportIntervalMillis: 15_000,
  });
}

/** Starts the NodeSDK: traces by OTLP/HTTP protobuf to `<endpoint>/v1/traces`, metrics as metricReader says. */
export function startTelemetry(
  config: TelemetryConfig & { OTEL_EXPORTER_OTLP_ENDPOINT: string },
): TelemetryHandle {
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '');
  const sdk = new NodeSDK({
    serviceName: config.SERVICE_NAME,
    traceExporter: new OTLPTraceExporter({ url: `${base}/v1/traces` }),
    metricReaders: [metricReader(base, config.METRICS_PORT)],
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
