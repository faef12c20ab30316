// What each command needs built (adr/0060). Every pin in tools/pins.json says which commands need it
// (`for`, default `start`); a command's targets select the pins, and the pins become steps with their lane
// (cpu: one at a time, net: downloads beside the CPU work) and dependencies.
import { activeGoPins, activePythonPins, pins } from '../paths.mjs';
import { debianStep } from './tiers/debian.mjs';
import { goSteps, goToolchainStep } from './tiers/go.mjs';
import { mavenStep } from './tiers/maven.mjs';
import { npmStep, protoStep } from './tiers/node.mjs';
import { pythonStep } from './tiers/python.mjs';
import { webStep } from './tiers/web.mjs';

/**
 * Targets: start = `npm start` (local profile); full = `--profile full` (Kafka); browser = the browser tests;
 * tilt = `npm run tilt` and `npm test`'s tilt ci phase; npm = the npm dependencies and generated code only.
 * A command names targets with `--for`; `test` and `all` stand for every one.
 */
export const targetNames = ['start', 'full', 'browser', 'tilt', 'npm'];
const implies = { full: ['start'], tilt: ['start'], test: ['start', 'full', 'browser', 'tilt'] };
implies.all = implies.test;

/** The set of targets `names` stand for, or an error naming the unknown one. */
export function expandTargets(names) {
  const out = new Set();
  for (const name of names) {
    if (!targetNames.includes(name) && !implies[name])
      throw new Error(
        `unknown bootstrap target "${name}" (one of: ${[...targetNames, 'test', 'all'].join(', ')})`,
      );
    if (targetNames.includes(name)) out.add(name);
    for (const t of implies[name] ?? []) out.add(t);
  }
  return out;
}

const neededBy = (pin, targets) => (pin.for ?? ['start']).some((t) => targets.has(t));

/** Names of the pins a command skips, with what needs them: for the plan's "not needed here" line. */
export function skippedPins(targets) {
  const groups = [
    pins.debian,
    Object.fromEntries(activeGoPins()),
    Object.fromEntries(activePythonPins()),
    pins.maven,
  ];
  return groups.flatMap((group) =>
    Object.entries(group)
      .filter(([, pin]) => !neededBy(pin, targets))
      .map(([name, pin]) => ({ name, for: pin.for ?? ['start'] })),
  );
}

/**
 * The steps of `targets` in priority order per lane. The CPU lane compiles Go first (longest), then the
 * generated code and the web build as soon as `npm ci` is done; the network lane runs apt first (Java,
 * gcc), then npm and PyPI, then the module downloads of the Go builds still waiting, then Maven.
 */
export function planSteps(targets) {
  const debian = Object.entries(pins.debian).filter(([, pin]) => neededBy(pin, targets));
  const go = activeGoPins().filter(([, pin]) => neededBy(pin, targets));
  const python = activePythonPins().filter(([, pin]) => neededBy(pin, targets));
  const maven = Object.entries(pins.maven).filter(([, pin]) => neededBy(pin, targets));
  const goPairs = go.map(([name, pin]) => goSteps(name, pin));
  const anyNode = targets.size > 0;
  return [
    ...(debian.length > 0 ? [debianStep(debian)] : []),
    ...(go.length > 0 ? [goToolchainStep] : []),
    ...goPairs.map(([build]) => build),
    ...(anyNode ? [npmStep, protoStep] : []),
    ...(targets.has('start') ? [webStep] : []),
    ...python.map(([name, pin]) => pythonStep(name, pin)),
    ...goPairs.flatMap(([, modules]) => (modules ? [modules] : [])),
    ...maven.map(([name, pin]) => mavenStep(name, pin)),
  ];
}
