// Preload for every service: `node --import tsx --import @shopstream/service-defaults/telemetry src/main.ts`.
// Plain JavaScript on purpose: worker threads (Temporal runs workflows in them) inherit the preload flags but
// not tsx's loader, so they must not load TypeScript here. Telemetry belongs to the main thread only.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) await import('./src/telemetry/register.ts');
