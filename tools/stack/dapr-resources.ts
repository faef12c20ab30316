import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../paths.mjs';
import { runDir } from './layout.js';
import { StackError } from './supervisor.js';
import { unregisteredTypes } from './daprd-components.js';

/** Runtime profiles: one folder components/<profile>/ each, the same component names in all (adr/0004). */
export const profiles = ['local', 'full'] as const;
export type Profile = (typeof profiles)[number];

interface DaprResource {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown };
  spec?: { type?: unknown; metadata?: unknown };
  scopes?: unknown;
}

/** Checks the shape daprd needs, so that a broken file fails `npm start` with its name instead of a sidecar crash. */
export function validateResource(file: string, text: string): DaprResource {
  let doc: DaprResource;
  try {
    doc = parse(text) as DaprResource;
  } catch (err) {
    throw new StackError(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const where = (what: string) => new StackError(`${file}: ${what}`);
  if (typeof doc !== 'object' || doc === null) throw where('empty or not a mapping');
  if (doc.apiVersion !== 'dapr.io/v1alpha1')
    throw where(`apiVersion must be dapr.io/v1alpha1, found ${String(doc.apiVersion)}`);
  if (!['Component', 'Resiliency', 'Subscription'].includes(String(doc.kind)))
    throw where(`unsupported kind ${String(doc.kind)}`);
  if (typeof doc.metadata?.name !== 'string' || doc.metadata.name === '')
    throw where('metadata.name is missing');
  if (doc.kind === 'Component') {
    if (typeof doc.spec?.type !== 'string') throw where('spec.type is missing (e.g. pubsub.redis)');
    if (doc.spec.metadata !== undefined && !Array.isArray(doc.spec.metadata))
      throw where('spec.metadata must be a list of {name, value|envRef}');
    if (!Array.isArray(doc.scopes) || doc.scopes.length === 0)
      throw where('scopes must list the app ids allowed to use this component');
  }
  return doc;
}

/**
 * Produces what every sidecar is started with: one resources folder (the profile's components plus
 * dapr/resiliency.yaml, all validated) and the Configuration with its ${VAR} placeholders filled in.
 */
export function renderDaprResources(
  profile: Profile,
  vars: Record<string, string>,
  /** Tilt renders one copy per app, so that restarting one app never rewrites files another sidecar reads. */
  out = join(runDir, 'dapr'),
): { resourcesPath: string; configPath: string } {
  const resourcesPath = join(out, 'resources');
  // A type our slim daprd lacks would only surface as a sidecar refusing the component: say so up front.
  const unregistered = unregisteredTypes();
  if (unregistered.length > 0) throw new StackError(unregistered.join('\n'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(resourcesPath, { recursive: true });
  const componentDir = join(repoRoot, 'components', profile);
  const files = [
    ...readdirSync(componentDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(componentDir, f)),
    join(repoRoot, 'dapr', 'resiliency.yaml'),
  ];
  const names = new Map<string, string>();
  for (const file of files) {
    const rel = file.slice(repoRoot.length + 1);
    const text = readFileSync(file, 'utf8');
    const doc = validateResource(rel, text);
    const key = `${String(doc.kind)}/${String(doc.metadata?.name)}`;
    if (names.has(key)) throw new StackError(`${rel}: ${key} is already defined in ${names.get(key)}`);
    names.set(key, rel);
    writeFileSync(join(resourcesPath, basename(file)), text);
  }
  const configPath = join(out, 'config.yaml');
  const template = readFileSync(join(repoRoot, 'dapr', 'config.yaml'), 'utf8');
  const config = template.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new StackError(`dapr/config.yaml: unknown placeholder \${${name}}`);
    return value;
  });
  writeFileSync(configPath, config);
  return { resourcesPath, configPath };
}
