// Tier 1: servers from Debian packages (PostgreSQL 15, Redis 7, Prometheus and Alertmanager; Java 17 and Maven
// for the JVM servers of the Maven tier). Installed with apt when missing and we are root; otherwise we stop
// with the exact command to run.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { pins } from '../../paths.mjs';
import { BootstrapError, run, step } from '../step.mjs';

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

export async function debianTier() {
  const missing = Object.entries(pins.debian).filter(([, pin]) => !existsSync(pin.probe));
  await step(`Debian packages (${Object.keys(pins.debian).join(', ')})`, async () => {
    if (missing.length === 0) return 'present';
    const packages = [...new Set(missing.map(([, pin]) => pin.package))];
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
  });
}
