import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../tools/paths.mjs';
import type { StoredResult } from './stats.js';

/**
 * docs/numbers.md from the committed results (bench/results/*.json): every row of its table is computed from
 * the results it names, with the commit and load average they were measured at, so the page cannot say more
 * than the results do. `npm run numbers` writes it; `npm run numbers -- --check` (static phase of `npm test`)
 * fails when the page and the results disagree.
 */

export const RESULTS_DIR = join(repoRoot, 'bench', 'results');
export const TEMPLATE = join(repoRoot, 'bench', 'numbers.template.md');
export const PAGE = join(repoRoot, 'docs', 'numbers.md');
const MARKER = '<!-- numbers:table -->';

type Results = ReadonlyMap<string, StoredResult>;

export function readResults(dir = RESULTS_DIR): Results {
  const out = new Map<string, StoredResult>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as StoredResult;
    out.set(result.name, result);
  }
  return out;
}

/** 12.345 → "12.3", 0.0345 → "0.035", 345.6 → "346". */
const num = (x: number): string =>
  x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2);
const gb = (mib: number): string => (mib / 1024).toFixed(2);
const delta = (a: number, b: number): string => `${a - b >= 0 ? '+' : '−'}${num(Math.abs(a - b))}`;

interface Row {
  /** Result names, the first being the row's main result; the row is empty without all of them. */
  readonly results: readonly string[];
  /** The bench group that measures it (`npm run bench -- <group>`; `always` runs in every bench). */
  readonly group: string;
  readonly what: (r: readonly StoredResult[]) => string;
  readonly result: (r: readonly StoredResult[]) => string;
  readonly goal: string;
}

/** `name=123` pairs of a memory result's notes. */
function rssOf(result: StoredResult): Map<string, number> {
  const pairs = (result.notes ?? '').replace(/^RSS by process: /, '').split(', ');
  return new Map(pairs.map((p) => p.split('=') as [string, string]).map(([n, v]) => [n, Number(v)]));
}

function memoryText(result: StoredResult): string {
  const rss = rssOf(result);
  const sidecars = [...rss].filter(([n]) => n.endsWith('-dapr')).map(([, v]) => v);
  const apps = [...rss].filter(([n]) => rss.has(`${n}-dapr`)).map(([, v]) => v);
  const avg = sidecars.reduce((a, b) => a + b, 0) / Math.max(1, sidecars.length);
  return `**${gb(result.p50)} GB**; each app ${Math.min(...apps)}–${Math.max(...apps)} MB, each sidecar ≈ ${avg.toFixed(0)} MB`;
}

const composition = (r: StoredResult): string => {
  const { servers = 0, apps = 0, sidecars = 0 } = r.extra ?? {};
  return `${servers + apps + sidecars} processes (${servers} servers, ${apps} apps incl. the test-only ones, ${sidecars} sidecars)`;
};

const base = (r: StoredResult) => r.baseline ?? { name: '', n: 0, p50: NaN, p95: NaN, p99: NaN };

export const ROWS: readonly Row[] = [
  {
    results: ['stack-warm-start'],
    group: 'always',
    what: ([r]) => `warm \`npm start\` stack to all ${composition(r!)} ready (\`${r!.name}\`, n=${r!.n})`,
    result: ([r]) => `p50 **${num(r!.p50)} s**, max ${num(r!.p99)} s`,
    goal: '< 60 s',
  },
  {
    results: ['bootstrap-warm'],
    group: 'bootstrap',
    what: ([r]) => `warm bootstrap, whole command (\`${r!.name}\`, n=${r!.n})`,
    result: ([r]) => `p50 **${num(r!.p50)} ms** (Node start-up + stamp checks)`,
    goal: '–',
  },
  {
    results: ['stack-idle-memory'],
    group: 'always',
    what: ([r]) => `resident memory of that idle stack (\`${r!.name}\`, ${composition(r!)})`,
    result: ([r]) => memoryText(r!),
    goal: '< 3 GB (the OpenTelemetry demo needs ≈ 6 GB)',
  },
  {
    results: ['grpc-through-two-sidecars'],
    group: 'sidecar',
    what: ([r]) => `gRPC call through two sidecars vs direct (\`${r!.name}\`, n=${r!.n}, interleaved)`,
    result: ([r]) =>
      `p50 ${num(r!.p50)} ms vs ${num(base(r!).p50)} ms direct (**${delta(r!.p50, base(r!).p50)} ms**), p99 ${num(r!.p99)} vs ${num(base(r!).p99)} ms (**${delta(r!.p99, base(r!).p99)} ms**)`,
    goal: "Dapr's published figures: +0.9 ms p50, +2.0 ms p99",
  },
  {
    results: ['actor-call-new-actor'],
    group: 'actors',
    what: ([r]) => `actor method through the sidecar, new vs active actor (\`${r!.name}\`, n=${r!.n})`,
    result: ([r]) =>
      `new: p50 **${num(r!.p50)} ms**, p99 ${num(r!.p99)} ms; active: p50 ${num(base(r!).p50)} ms, p99 ${num(base(r!).p99)} ms`,
    goal: "Dapr's published activation figures: p50 2.3 ms, p99 6.9 ms",
  },
  {
    results: ['token-verify-in-process', 'grpc-protected-call'],
    group: 'identity',
    what: ([r]) => `access-token verification in the callee, cached JWKS (\`${r!.name}\`, n=${r!.n})`,
    result: ([r, call]) =>
      `p50 ${num(r!.p50)} ms, p99 **${num(r!.p99)} ms** (decoding alone p50 ${num(base(r!).p50)} ms); a protected call through two sidecars p50 ${num(call!.p50)} ms vs ${num(base(call!).p50)} ms public`,
    goal: 'p99 well under 1 ms',
  },
  {
    results: ['identity-sign-in-4rps', 'identity-sign-in-max-rate'],
    group: 'identity',
    what: ([r]) => `sign-in through the sidecars at 4/s, open loop (\`${r!.name}\`, n=${r!.n})`,
    result: ([r, max]) =>
      `p50 **${num(r!.p50)} ms**, p95 **${num(r!.p95)} ms**, p99 ${num(r!.p99)} ms${r!.extra?.failed ? ` (${r!.extra.failed} of ${r!.n + r!.extra.failed} failed)` : ''}; one argon2id hash (OWASP) in the same run: p50 ${num(base(r!).p50)} ms; highest arrival rate tried with p95 < 300 ms (\`${max!.name}\`): **${max!.p50 > 0 ? `≥ ${max!.p50}/s` : 'none'}**`,
    goal: 'PRD: p95 < 300 ms',
  },
  {
    results: ['catalog-create-to-get-product', 'catalog-create-to-list-products'],
    group: 'catalog',
    what: ([r]) =>
      `catalog: CreateProduct sent → GetProduct / first page of ListProducts returns it, anonymous, through the read cache (\`${r!.name}\`, \`…-to-list-products\`, n=${r!.n}, one at a time)`,
    result: ([r, list]) =>
      `GetProduct: p50 **${num(r!.p50)} ms**, p95 **${num(r!.p95)} ms**, p99 ${num(r!.p99)} ms; ListProducts: p50 ${num(list!.p50)} ms, p95 **${num(list!.p95)} ms**; the CreateProduct call alone: p50 ${num(base(r!).p50)} ms, p99 ${num(base(r!).p99)} ms`,
    goal: 'PRD: p95 < 500 ms',
  },
  {
    results: ['catalog-get-product-16-concurrent', 'catalog-list-products-first-page-16-concurrent'],
    group: 'catalog',
    what: ([r, list]) =>
      `catalog reads, 16 concurrent callers, with vs without the Redis read cache (\`${r!.name}\`, \`${list!.name}\`, n=${r!.n} each, interleaved)`,
    result: ([r, list]) =>
      `GetProduct p50 **${num(r!.p50)} ms** vs ${num(base(r!).p50)} ms, p95 **${num(r!.p95)}** vs ${num(base(r!).p95)} ms (${r!.extra?.perSecond ?? '?'}/s vs ${r!.extra?.baselinePerSecond ?? '?'}/s); ListProducts first page p50 **${num(list!.p50)} ms** vs ${num(base(list!).p50)} ms, p95 **${num(list!.p95)}** vs ${num(base(list!).p95)} ms (${list!.extra?.perSecond ?? '?'}/s vs ${list!.extra?.baselinePerSecond ?? '?'}/s)`,
    goal: '–',
  },
  {
    results: ['catalog-update-stock-throughput', 'catalog-update-stock-hot-sku'],
    group: 'catalog',
    what: ([r]) =>
      `catalog UpdateStock (reserve 1), 16 callers, one hot SKU vs 200 SKUs (\`${r!.name}\`, \`catalog-update-stock-hot-sku\`, n=${r!.n})`,
    result: ([r, hot]) =>
      `**${num(r!.p50)}/s** on one SKU (p50 ${num(hot!.p50)} ms, p99 ${num(hot!.p99)} ms: one row lock per product) vs **${num(base(r!).p50)}/s** spread`,
    goal: '–',
  },
  {
    results: [
      'checkout-create-order-answered',
      'checkout-order-confirmed',
      'checkout-decline-to-stock-released',
      'checkout-max-rate',
    ],
    group: 'checkout',
    what: ([r]) =>
      `checkout: CreateOrder answered (order durable, saga started), 2/s open loop (\`${r!.name}\`, n=${r!.n})`,
    result: ([r, confirmed, decline, max]) =>
      `p50 **${num(r!.p50)} ms**, p95 **${num(r!.p95)} ms**, p99 ${num(r!.p99)} ms (GetCart at the same rate p95 ${num(base(r!).p95)} ms); CONFIRMED after submit p50 ${num(confirmed!.p50)} ms, p95 **${num(confirmed!.p95)} ms**; decline → stock released p95 **${num(decline!.p95)} ms**; highest rate with p95 < 800 ms: **${max!.p50 > 0 ? `≥ ${max!.p50}/s` : 'none'}**`,
    goal: 'p95 < 400 ms (PRD SLO 800 ms); stock back < 60 s',
  },
  {
    results: ['stack-full-warm-start', 'stack-full-kafka-ready'],
    group: 'always',
    what: ([r]) =>
      `**full profile** warm start vs local, interleaved in one run (\`${r!.name}\`, n=${r!.n} each)`,
    result: ([r, kafka]) =>
      `p50 **${num(r!.p50)} s** vs ${num(base(r!).p50)} s local (**${delta(r!.p50, base(r!).p50)} s**); Kafka itself ready in p50 **${num(kafka!.p50)} s**, max ${num(kafka!.p99)} s (\`${kafka!.name}\`)`,
    goal: '< 60 s',
  },
  {
    results: ['stack-full-idle-memory'],
    group: 'always',
    what: ([r]) => `**full profile** idle memory vs local (\`${r!.name}\`)`,
    result: ([r]) =>
      `**${gb(r!.p50)} GB** vs ${gb(base(r!).p50)} GB (**${delta(r!.p50 / 1024, base(r!).p50 / 1024)} GB**); Kafka ${rssOf(r!).get('kafka') ?? '?'} MB RSS`,
    goal: '< 3 GB',
  },
  {
    results: ['pubsub-latency-single-kafka'],
    group: 'always',
    what: ([r]) =>
      `pub/sub publish → handler, one message at a time (\`${r!.name}\`, n=${r!.n}, closed loop)`,
    result: ([r]) =>
      `Kafka p50 **${num(r!.p50)} ms**, p95 ${num(r!.p95)}, p99 ${num(r!.p99)}; Redis Streams p50 ${num(base(r!).p50)} ms, p95 ${num(base(r!).p95)}, p99 ${num(base(r!).p99)}`,
    goal: '–',
  },
  {
    results: ['pubsub-publish-call-single-kafka', 'kafka-produce-call-single-kafkajs'],
    group: 'always',
    what: ([r]) => `the publish call alone, until acknowledged (\`${r!.name}\`, n=${r!.n})`,
    result: ([r, kafkajs]) =>
      `Kafka p50 **${num(r!.p50)} ms**, p99 ${num(r!.p99)}; Redis Streams p50 ${num(base(r!).p50)} ms, p99 ${num(base(r!).p99)}; kafkajs straight to Kafka, acks=all (\`${kafkajs!.name}\`): p50 ${num(kafkajs!.p50)} ms`,
    goal: 'INFRA: "tens of ms"',
  },
  {
    results: ['pubsub-latency-bulk-kafka', 'pubsub-publish-call-bulk100-kafka'],
    group: 'always',
    what: ([r]) => `bulk publish of 100: each message's publish → handler (\`${r!.name}\`, n=${r!.n})`,
    result: ([r, call]) =>
      `Kafka p50 **${num(r!.p50)} ms**, p99 ${num(r!.p99)}; Redis Streams p50 ${num(base(r!).p50)} ms, p99 ${num(base(r!).p99)}; the bulk call itself p50 ${num(call!.p50)} ms vs ${num(base(call!).p50)} ms`,
    goal: '–',
  },
  {
    results: ['tilt-edit-to-healthy'],
    group: 'tilt',
    what: ([r]) =>
      `edit a source file of one app under \`tilt up\` → Tilt reports it and its sidecar ready again (\`${r!.name}\`, n=${r!.n})`,
    result: ([r]) =>
      `p50 **${num(r!.p50)} s**, p95 ${num(r!.p95)} s; \`tilt trigger\` of the same resource in the same run p50 ${num(base(r!).p50)} s`,
    goal: '< 3 s',
  },
];

/** "`abc1234`, 2026-12-04, load 9.8 on 2 cores". */
function measured(results: readonly StoredResult[]): string {
  const runs = results.map((r) => r.run);
  const commits = [
    ...new Set(runs.map((r) => `\`${r.commit.slice(0, 7)}\`${r.dirty ? ' (+ uncommitted)' : ''}`)),
  ];
  const dates = [...new Set(runs.map((r) => r.measuredAt.slice(0, 10)))];
  const loads = runs.map((r) => r.loadAverage[0]);
  const load =
    Math.min(...loads) === Math.max(...loads)
      ? num(loads[0] ?? 0)
      : `${num(Math.min(...loads))}–${num(Math.max(...loads))}`;
  return `${commits.join(', ')}, ${dates.join(', ')}, load ${load} on ${runs[0]?.cpus ?? '?'} cores`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Numbers table: one line per row, from `results`. */
export function numbersTable(results: Results): string {
  const lines = [
    '| what | result | goal / reference | measured (commit, date, 1-min load) |',
    '|---|---|---|---|',
  ];
  for (const row of ROWS) {
    const found = row.results.map((name) => results.get(name));
    if (found.every((r): r is StoredResult => r !== undefined && r.run !== undefined))
      lines.push(
        `| ${[row.what(found), row.result(found), row.goal, measured(found)].map(cell).join(' | ')} |`,
      );
    else {
      const missing = row.results.filter((_, i) => found[i]?.run === undefined);
      const how =
        row.group === 'always' ? '`npm run bench -- <any group>`' : `\`npm run bench -- ${row.group}\``;
      lines.push(
        `| ${cell(missing.map((n) => `\`${n}\``).join(', '))} | not in the committed results (${how}) | ${cell(row.goal)} | – |`,
      );
    }
  }
  return lines.join('\n');
}

/** The whole page: the template with the table in place of its marker. */
export function numbersPage(
  results: Results = readResults(),
  template = readFileSync(TEMPLATE, 'utf8'),
): string {
  if (!template.includes(MARKER)) throw new Error(`${TEMPLATE} has no ${MARKER}`);
  const header =
    '<!-- Generated by `npm run numbers` from bench/numbers.template.md and bench/results/*.json: edit those, not this page. -->\n';
  return `${header}${template.replace(MARKER, numbersTable(results))}`;
}
