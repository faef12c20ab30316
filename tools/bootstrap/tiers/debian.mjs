// Tier 1: servers from Debian packages (PostgreSQL 15, Redis 7, Prometheus and Alertmanager; Java 17 and Maven for the Maven tier; Chromium
// for the browser tests; gcc for Tilt's cgo). Only the packages the command needs (pins.json `for`), installed
// with apt when missing and we are root; otherwise we stop with the exact command to run.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { BootstrapError, run } from '../step.mjs';

const isRoot = process.getuid?.() === 0;
const POLICY_RC = '/usr/sbin/policy-rc.d';

/**
 * Debian starts a daemon when its package is installed (prometheus would listen on *:9090). Our stack runs
 * every server itself on loopback, so installs run with a policy-rc.d that forbids starting services (the
 * convention container images use); one that is already there is left alone.
 */
async function withoutServiceStarts(fn) {
  if (existsSync(POLICY_RC)) return fn();
  writeFileSync(
    POLICY_RC,
    '#!/bin/sh\n# written by the Shopstream bootstrap during apt-get install\nexit 101\n',
    {
      mode: 0o755,
    },
  );
  try {
    return await fn();
  } finally {
    rmSync(POLICY_RC, { force: true });
  }
}

/** One step for the Debian packages `wanted` ([name, pin] pairs of pins.json `debian`). */
export function debianStep(wanted) {
  const missing = () => wanted.filter(([, pin]) => !existsSync(pin.probe));
  return {
    id: 'debian',
    label: `Debian packages (${wanted.map(([name]) => name).join(', ')})`,
    lane: 'net',
    deps: [],
    typicalMs: 60_000,
    upToDate: () => missing().length === 0,
    build: async () => {
      const packages = [...new Set(missing().map(([, pin]) => pin.package))];
      if (!isRoot) {
        throw new BootstrapError(
          `missing Debian packages: ${packages.join(' ')}. Install them with:\n  sudo apt-get install -y ${packages.join(' ')}`,
        );
      }
      const env = { DEBIAN_FRONTEND: 'noninteractive' };
      const install = () =>
        run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], {
          env,
          registry: 'Debian mirror',
          unit: 'lines of apt output',
        });
      await withoutServiceStarts(async () => {
        try {
          await install();
        } catch {
          // A fresh machine may have no package lists yet.
          await run('apt-get', ['update', '-q'], { env, registry: 'Debian mirror' });
          await install();
        }
      });
      return `installed ${packages.join(', ')}`;
    },
  };
}
