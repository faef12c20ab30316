import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../paths.mjs';

/** Our daprd's main: the one place its component types are registered (adr/0061). */
export const daprdComponentsFile = 'tools/go/dapr/cmd/daprd/components.go';

/** "<kind>.<name>" of every type our daprd build registers, read from its `add(registry, kind, factory, name)` lines. */
export function registeredComponentTypes(
  source = readFileSync(join(repoRoot, daprdComponentsFile), 'utf8'),
): Set<string> {
  const types = new Set<string>();
  for (const m of source.matchAll(/^\s*add(?:\[[\w.]+\])?\(\w+, "([\w.-]+)", [\w.]+, "([\w.-]+)"\)/gm))
    types.add(`${m[1]}.${m[2]}`);
  return types;
}

/** One component type a stack file names, and where. */
export interface TypeInUse {
  type: string;
  file: string;
}

/** Every component type the stack's files name: components/<profile>/*.yaml and dapr/config.yaml's nameResolution. */
export function componentTypesInUse(): TypeInUse[] {
  const used: TypeInUse[] = [];
  const componentsDir = join(repoRoot, 'components');
  for (const profile of readdirSync(componentsDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(componentsDir, profile.name)).filter((f) => f.endsWith('.yaml'))) {
      const file = `components/${profile.name}/${name}`;
      const doc = parse(readFileSync(join(repoRoot, file), 'utf8')) as {
        kind?: string;
        spec?: { type?: string };
      };
      if (doc.kind === 'Component' && typeof doc.spec?.type === 'string')
        used.push({ type: doc.spec.type, file });
    }
  }
  const config = parse(readFileSync(join(repoRoot, 'dapr', 'config.yaml'), 'utf8')) as {
    spec?: { nameResolution?: { component?: string } };
  };
  // Without a nameResolution block daprd falls back to mDNS, which is not in our build (and multicasts off-host).
  used.push({
    type: `nameresolution.${config.spec?.nameResolution?.component ?? 'mdns'}`,
    file: 'dapr/config.yaml',
  });
  return used;
}

/** The files naming a type our daprd does not register, each with the fix. */
export function unregisteredTypes(
  registered = registeredComponentTypes(),
  used = componentTypesInUse(),
): string[] {
  return used
    .filter((u) => !registered.has(u.type))
    .map(
      (u) =>
        `${u.file} names ${u.type}, which our daprd does not register: add it in ${daprdComponentsFile} (componentRegistry) and rebuild (npm run bootstrap)`,
    );
}
