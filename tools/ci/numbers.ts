/**
 * `npm run numbers`: writes docs/numbers.md from the committed bench results (bench/numbers.ts).
 * `npm run numbers -- --check`: exits 1 when docs/numbers.md is not what the results give (static phase of
 * `npm test`), naming the first line that differs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { numbersPage, PAGE } from '../../bench/numbers.js';
import { repoRoot } from '../paths.mjs';

const page = numbersPage();
const where = relative(repoRoot, PAGE);
if (process.argv.includes('--check')) {
  const current = existsSync(PAGE) ? readFileSync(PAGE, 'utf8') : '';
  if (current === page) {
    console.log(`✓ ${where} matches bench/results`);
  } else {
    const want = page.split('\n');
    const have = current.split('\n');
    const line = want.findIndex((l, i) => l !== have[i]);
    console.error(
      `✗ ${where} does not match the committed bench results (first difference at line ${line + 1}).\n` +
        `  Run \`npm run numbers\` and commit the page (edit bench/numbers.template.md or bench/numbers.ts, not the page).`,
    );
    process.exit(1);
  }
} else {
  mkdirSync(dirname(PAGE), { recursive: true });
  writeFileSync(PAGE, page);
  console.log(`✓ wrote ${where}`);
}
