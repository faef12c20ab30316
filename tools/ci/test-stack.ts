import type { Profile } from '../stack/dapr-resources.js';
import { TEST_APPS_FILE, TEST_TOPICS_FILE } from '../stack/test-apps.js';

/** The stack `npm test` and the benches run: the product's apps and topics plus the test apps (test/platform). */
export const testStackOptions = (profile: Profile) => ({
  profile,
  extraAppsFiles: [TEST_APPS_FILE],
  extraTopicsFiles: [TEST_TOPICS_FILE],
  // Fast metrics: scrape every 2 s and run the SLO windows 30× faster (an hour is two minutes), so the alert
  // fault test fires and resolves in seconds (test/fault/slo-alert.integration.test.ts).
  observability: {
    scrapeIntervalSeconds: 2,
    sloTimeScale: 30,
    alertTiming: { groupWaitSeconds: 1, groupIntervalSeconds: 2, repeatIntervalSeconds: 3600 },
  },
});
