import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { appProcesses, daprConfigVars, readAppsFile, type DaprFiles } from './apps.js';
import type { AppsMode } from './compile-apps.js';
import { renderDaprResources, type Profile } from './dapr-resources.js';
import { infraProcesses } from './infra.js';
import type { ObservabilityOptions } from './observability.js';
import { appPorts } from './ports.js';
import { appDatabases } from './provision-postgres.js';
import { kafkaTopics, readTopicsFile } from './topics.js';
import { stripeWebhookUrls } from './stripe-emulator.js';
import type { ProcessSpec } from './spec.js';

import { TEST_APPS_FILE, TEST_TOPICS_FILE } from './test-apps.js';

export { TEST_APPS_FILE, TEST_TOPICS_FILE };
const examplesWanted = () => process.env.SHOPSTREAM_EXAMPLES === '1';

export interface StackOptions {
  profile: Profile;
  /** Extra app files (the test suite adds its conformance app). */
  extraAppsFiles?: string[];
  /** Extra topic files, read after dapr/topics.yaml (the test suite adds its topics). */
  extraTopicsFiles?: string[];
  /** Dapr resources rendered elsewhere (Tilt renders a copy per app); by default rendered here. */
  dapr?: DaprFiles;
  /** Scrape interval, SLO time scale and alert timing (the test stack makes them fast). */
  observability?: ObservabilityOptions;
  /** How the apps run (adr/0062); by default from `SHOPSTREAM_APPS`. */
  appsMode?: AppsMode;
}

/** A filter keeping the first occurrence of each file. */
const once = () => {
  const seen = new Set<string>();
  return (file: string) => !seen.has(file) && seen.add(file) !== undefined;
};

/** Everything `npm start` runs, in start order: infrastructure, then each Dapr app with its sidecar. */
export function stackProcesses({
  profile,
  extraAppsFiles = [],
  extraTopicsFiles = [],
  dapr: rendered,
  observability,
  appsMode,
}: StackOptions): ProcessSpec[] {
  const dapr = rendered ?? renderDaprResources(profile, daprConfigVars());
  const examples = examplesWanted();
  const appsFiles = new Set([join(repoRoot, 'dapr', 'apps.yaml'), ...(examples ? [TEST_APPS_FILE] : [])]);
  const topicsFiles = new Set([
    join(repoRoot, 'dapr', 'topics.yaml'),
    ...(examples ? [TEST_TOPICS_FILE] : []),
  ]);
  const apps = [...appsFiles, ...extraAppsFiles].filter(once()).flatMap(readAppsFile);
  const topics = kafkaTopics([...topicsFiles, ...extraTopicsFiles].filter(once()).flatMap(readTopicsFile));
  const infra = infraProcesses({
    databases: appDatabases(apps),
    profile,
    kafkaTopics: topics,
    stripeWebhookUrls: stripeWebhookUrls(apps),
    appScrapeTargets: apps.flatMap((app) => {
      const p = appPorts(app.portBlock);
      return [
        { job: app.appID, instance: app.appID, port: p.appMetrics },
        { job: 'daprd', instance: `${app.appID}-dapr`, port: p.daprMetrics },
      ];
    }),
    ...(observability ? { observability } : {}),
  });
  const controlPlane = ['dapr-placement', 'dapr-scheduler'];
  const appSpecs = appProcesses(apps, dapr, appsMode).map((spec) =>
    spec.kind === 'sidecar' ? { ...spec, dependsOn: [...spec.dependsOn, ...controlPlane] } : spec,
  );
  return [...infra, ...appSpecs];
}
