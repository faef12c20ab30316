import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import type { Profile } from '../stack/dapr-resources.js';

/** The apps and topics `npm test` adds to the product's: the platform's test apps (test/platform). */
export const testStackOptions = (profile: Profile) => ({
  profile,
  extraAppsFiles: [join(repoRoot, 'test', 'platform', 'apps.yaml')],
  extraTopicsFiles: [join(repoRoot, 'test', 'platform', 'topics.yaml')],
});
