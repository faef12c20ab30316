import type { Profile } from '../stack/dapr-resources.js';
import { TEST_APPS_FILE, TEST_TOPICS_FILE } from '../stack/test-apps.js';

/** The stack `npm test` and the benches run: the product's apps and topics plus the test apps (test/platform). */
export const testStackOptions = (profile: Profile) => ({
  profile,
  extraAppsFiles: [TEST_APPS_FILE],
  extraTopicsFiles: [TEST_TOPICS_FILE],
});
