import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { repoRoot } from '../paths.mjs';

const manifest = z.object({
  name: z.string(),
  workspaces: z.array(z.string()).optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
});

const readManifest = (dir: string) =>
  manifest.parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));

/** Every workspace package of the repository (root package.json `workspaces`, `dir/*` globs): name → folder. */
export function workspacePackages(root = repoRoot): Map<string, string> {
  const out = new Map<string, string>();
  for (const pattern of readManifest(root).workspaces ?? []) {
    const parent = join(root, pattern.replace(/\/\*$/, ''));
    const dirs = pattern.endsWith('/*')
      ? readdirSync(parent, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(parent, d.name))
      : [parent];
    for (const dir of dirs) {
      if (existsSync(join(dir, 'package.json'))) out.set(readManifest(dir).name, dir);
    }
  }
  return out;
}

/**
 * The folders whose files an app runs: its own package and every workspace package it depends on, directly or
 * through another (repo-relative, sorted). An edit in any of them must restart the app; an edit anywhere else
 * must not. Read from the package.json files, so a new dependency is picked up without touching the Tiltfile.
 */
export function sourceFolders(appDir: string, root = repoRoot): string[] {
  const packages = workspacePackages(root);
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    for (const dep of Object.keys(readManifest(dir).dependencies ?? {})) {
      const depDir = packages.get(dep);
      if (depDir) visit(depDir);
    }
  };
  visit(appDir);
  return [...seen].map((dir) => relative(root, dir)).sort();
}
