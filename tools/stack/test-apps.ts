import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';

/**
 * The test apps: the walking skeleton and the conformance subscriber (adr/0032). `npm test` and the benches
 * add them; `SHOPSTREAM_EXAMPLES=1` adds them to any stack (`npm start`, Tilt) as the examples profile. A file
 * of its own, with no import of the stack layout, so that tools/ci can name it before SHOPSTREAM_DATA is set.
 */
export const TEST_APPS_FILE = join(repoRoot, 'test', 'platform', 'apps.yaml');
export const TEST_TOPICS_FILE = join(repoRoot, 'test', 'platform', 'topics.yaml');
