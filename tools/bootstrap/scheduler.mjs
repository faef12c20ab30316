// Runs a plan's steps on two lanes: `cpu` (compiles, one at a time: each Go build already uses every core) and
// `net` (downloads: apt, npm ci, pip, Maven, Go module downloads), so the network work hides behind the
// compiles. A lane takes its first step whose dependencies are done. One progress line every 30 s tells the
// whole state; a failed step stops the other lane's command and fails the run.
import { activity, approx, BootstrapError, fmt, stopChildren } from './step.mjs';

const lanes = ['cpu', 'net'];

/** Milliseconds still expected for `steps`, given when the running ones started. */
export function remainingMs(steps, state, now = Date.now()) {
  const perLane = lanes.map((lane) =>
    steps
      .filter((s) => s.lane === lane && !state.get(s.id)?.ended)
      .reduce((sum, s) => {
        const started = state.get(s.id)?.started;
        return sum + (started ? Math.max(s.estimateMs - (now - started), 0.1 * s.estimateMs) : s.estimateMs);
      }, 0),
  );
  return Math.max(...perLane);
}

export async function runSteps(
  steps,
  { onFinished, tickMs = 30_000, write = (l) => process.stdout.write(l) },
) {
  const started = Date.now();
  const state = new Map();
  const ids = new Set(steps.map((s) => s.id));
  let failure = null;
  let wake = () => undefined;
  let changed = new Promise((r) => (wake = r));
  const notify = () => {
    const w = wake;
    changed = new Promise((r) => (wake = r));
    w();
  };
  const finished = () => steps.filter((s) => state.get(s.id)?.ended).length;
  const ready = (s) => s.deps.every((d) => !ids.has(d) || state.get(d)?.ended === 'ok');

  const tick = setInterval(() => {
    const running = steps.filter((s) => state.get(s.id)?.started && !state.get(s.id).ended);
    const parts = running.map((s) => {
      const seen = state.get(s.id).activity;
      const count = seen.count > 0 ? `, ${seen.count} ${seen.unit}` : '';
      return `${s.label} ${fmt(Date.now() - state.get(s.id).started)} of ~${approx(s.estimateMs)}${count}`;
    });
    write(
      `  ⋯ ${fmt(Date.now() - started)}: ${finished()} of ${steps.length} steps done, ~${approx(remainingMs(steps, state))} left · ${parts.join(' · ')}\n`,
    );
  }, tickMs);

  async function runOne(s) {
    const seen = { count: 0, unit: 'lines', last: '' };
    state.set(s.id, { started: Date.now(), activity: seen });
    write(`▸ ${s.label} … (${s.estimateNote})\n`);
    try {
      const outcome = await activity.run(seen, () => s.build());
      const ms = Date.now() - state.get(s.id).started;
      state.get(s.id).ended = 'ok';
      write(`  ✓ ${s.label}: ${outcome} (${fmt(ms)}) [${finished()}/${steps.length}]\n`);
      onFinished?.(s, ms);
    } catch (err) {
      state.get(s.id).ended = 'failed';
      const ms = Date.now() - state.get(s.id).started;
      if (s.optional && !failure) {
        write(
          `  ↷ ${s.label} failed after ${fmt(ms)}, carrying on without it: ${err.message.split('\n')[0]}\n`,
        );
        state.get(s.id).ended = 'ok';
      } else {
        write(`  ✗ ${s.label} failed after ${fmt(ms)}\n`);
        if (!failure) {
          failure = err;
          stopChildren();
        }
      }
    }
    notify();
  }

  async function lane(name) {
    const queue = steps.filter((s) => s.lane === name);
    while (queue.length > 0 && !failure) {
      const i = queue.findIndex(ready);
      if (i < 0) {
        await changed;
        continue;
      }
      const [s] = queue.splice(i, 1);
      // A download ahead of a build that has started already is skipped: the build fetches what it lacks.
      if (s.obsoleteWhenStarted && state.get(s.obsoleteWhenStarted)?.started) {
        state.set(s.id, { started: Date.now(), ended: 'ok', activity: { count: 0 } });
        notify();
        continue;
      }
      await runOne(s);
    }
  }

  try {
    await Promise.all(lanes.map(lane));
  } finally {
    clearInterval(tick);
  }
  if (failure)
    throw failure instanceof BootstrapError ? failure : new BootstrapError(String(failure?.stack ?? failure));
  return Date.now() - started;
}
