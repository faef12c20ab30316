/**
 * Shared between the preload (`register.ts`) and the app's `runService`. Kept on `globalThis` because the
 * preload and the app can end up with two instances of this module (different loaders, CJS vs ESM).
 */
export interface TelemetryHandle {
  readonly enabled: boolean;
  shutdown(): Promise<void>;
}

const KEY = Symbol.for('shopstream.service-defaults.telemetry');
type Holder = { [KEY]?: TelemetryHandle };

export function setTelemetryHandle(handle: TelemetryHandle): void {
  (globalThis as Holder)[KEY] = handle;
}

export function getTelemetryHandle(): TelemetryHandle | undefined {
  return (globalThis as Holder)[KEY];
}

/** Flushes and stops the SDK started by the preload; a no-op when telemetry was not loaded. */
export async function flushTelemetry(): Promise<void> {
  await getTelemetryHandle()?.shutdown();
}
