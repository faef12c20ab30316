import { join, relative } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { BUILD_DIR } from './compile-apps.js';
import type { DaprFiles } from './apps.js';
import type { Profile } from './dapr-resources.js';
import { dataRoot, runDir } from './layout.js';
import { ports } from './ports.js';
import { stackProcesses } from './stack.js';
import type { ProcessSpec } from './spec.js';
import { sourceFolders } from './workspace-deps.js';

/** One Tilt `local_resource`: an infrastructure server, or a Dapr app together with its sidecar. */
export interface TiltResource {
  name: string;
  labels: string[];
  /** Supervisor process names it runs, in start order (`tilt-cli.ts run <name>`). */
  processes: string[];
  resourceDeps: string[];
  /** Repo-relative paths whose edits restart it. */
  deps: string[];
  ignore: string[];
  /** Exists while every process of the resource is ready (Tilt's readiness probe tests for it). */
  readyFile: string;
  serveCmd: string;
  links: { url: string; name: string }[];
}

export interface TiltSpec {
  profile: Profile;
  dataRoot: string;
  tiltPort: number;
  resources: TiltResource[];
}

/** Environment that points every tilt command (up, ci, get, trigger …) at this stack's Tilt port. */
export const tiltEnv = (): Record<string, string> => ({
  TILT_PORT: String(ports.tilt),
  TILT_HOST: '127.0.0.1',
});

/** Where the Tilt runner of `resource` renders its own copy of the Dapr resources. */
export const tiltDaprDir = (resource: string) => join(runDir, 'tilt', resource, 'dapr');
export const readyFileOf = (resource: string) => join(runDir, 'tilt', `${resource}.ready`);

/** Paths handed to the sidecars of `resource` (rendered by the runner just before it starts them). */
export const tiltDaprFiles = (resource: string): DaprFiles => ({
  resourcesPath: join(tiltDaprDir(resource), 'resources'),
  configPath: join(tiltDaprDir(resource), 'config.yaml'),
});

/** The Dapr inputs every sidecar is started with: an edit re-renders them and restarts the sidecars. */
const daprInputs = (profile: Profile) => [
  `components/${profile}`,
  'dapr/config.yaml',
  'dapr/resiliency.yaml',
  'dapr/apps.yaml',
];

/** Domain label of an app, from its folder: services/<domain>/… → <domain>; the walking skeleton → platform. */
function domainOf(spec: ProcessSpec): string {
  const dir = relative(repoRoot, spec.cwd ?? repoRoot);
  const service = /^services\/([^/]+)/.exec(dir);
  if (service?.[1]) return service[1];
  return dir.startsWith('test/platform/') ? 'platform' : 'apps';
}

const links: Record<string, { url: string; name: string }[]> = {
  temporal: [{ url: `http://127.0.0.1:${ports.temporalUi}`, name: 'Temporal UI' }],
  jaeger: [{ url: `http://127.0.0.1:${ports.jaegerQuery}/api/services`, name: 'traces (query API)' }],
  prometheus: [{ url: `http://127.0.0.1:${ports.prometheus}/graph`, name: 'Prometheus' }],
  alertmanager: [{ url: `http://127.0.0.1:${ports.alertmanager}`, name: 'Alertmanager' }],
};

/**
 * The runner Tilt starts for each resource: tilt-cli.ts bundled (compile-apps.ts), built by `tilt-cli.ts spec`
 * each time the Tiltfile loads. Loading the runner's TypeScript through tsx took ~1 s of every restart.
 */
export const tiltRunner = join(repoRoot, BUILD_DIR, 'tools', 'tilt-cli.mjs');

function serveCmd(name: string, profile: Profile): string {
  // The ready file is removed by the shell at once: Node takes a moment to boot, and a file left by a killed
  // runner must not make Tilt report the new process ready.
  return `rm -f '${readyFileOf(name)}' && exec node --enable-source-maps '${tiltRunner}' run ${name} --profile ${profile}`;
}

/**
 * The stack as Tilt resources, derived from the supervisor's own process list (tools/stack/stack.ts): every
 * infrastructure server is one resource; each Dapr app and its sidecar are one resource (they restart
 * together). Apps start after all infrastructure, one after another in the order of dapr/apps.yaml. The
 * supervisor starts a few at a time instead (start-order.ts, adr/0063); Tilt has no such limit, and every
 * Node app booting at once on two cores would each take many times longer.
 */
export function tiltSpec(profile: Profile, extraAppsFiles: string[] = []): TiltSpec {
  const placeholder = { resourcesPath: '', configPath: '' };
  const specs = stackProcesses({ profile, extraAppsFiles, dapr: placeholder });
  const infra = specs.filter((s) => s.kind === 'infra').map((s) => s.name);
  const resources: TiltResource[] = specs
    .filter((s) => s.kind === 'infra')
    .map((s) => ({
      name: s.name,
      labels: ['infra'],
      processes: [s.name],
      resourceDeps: s.dependsOn,
      deps: [],
      ignore: [],
      readyFile: readyFileOf(s.name),
      serveCmd: serveCmd(s.name, profile),
      links: links[s.name] ?? [],
    }));
  const apps = specs.filter((s) => s.kind === 'app');
  for (const [i, app] of apps.entries()) {
    const sidecars = specs.filter((s) => s.kind === 'sidecar' && s.alongside === app.name);
    const previous = apps[i - 1];
    resources.push({
      name: app.name,
      labels: [domainOf(app)],
      processes: [app.name, ...sidecars.map((s) => s.name)],
      resourceDeps: previous ? [...infra, previous.name] : infra,
      deps: [...sourceFolders(app.cwd ?? repoRoot), ...daprInputs(profile)],
      // `.build/` holds the app's bundle, rewritten by the restart itself (adr/0062): watching it would loop.
      ignore: ['**/*.test.ts', '**/*.md', '**/node_modules', '**/.next', `**/${BUILD_DIR}`],
      readyFile: readyFileOf(app.name),
      serveCmd: serveCmd(app.name, profile),
      links: [],
    });
  }
  return { profile, dataRoot, tiltPort: ports.tilt, resources };
}
