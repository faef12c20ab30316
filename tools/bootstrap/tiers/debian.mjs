// Tier 1: servers from Debian packages (PostgreSQL 15, Redis 7; Java 17 and Maven for the JVM servers of the
// Maven tier). Installed with apt when missing and we are root; otherwise we stop with the exact command to run.
import { existsSync } from 'node:fs';
import { pins } from '../../paths.mjs';
import { BootstrapError, run, step } from '../step.mjs';

const isRoot = process.getuid?.() === 0;

export async function debianTier() {
  const missing = Object.entries(pins.debian).filter(([, pin]) => !existsSync(pin.probe));
  await step(`Debian packages (${Object.keys(pins.debian).join(', ')})`, async () => {
    if (missing.length === 0) return 'present';
    const packages = missing.map(([, pin]) => pin.package);
    if (!isRoot) {
      throw new BootstrapError(
        `missing Debian packages: ${packages.join(' ')}. Install them with:\n  sudo apt-get install -y ${packages.join(' ')}`,
      );
    }
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    try {
      await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], {
        env,
        registry: 'Debian mirror',
      });
    } catch {
      // A fresh machine may have no package lists yet.
      await run('apt-get', ['update', '-q'], { env, registry: 'Debian mirror' });
      await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], {
        env,
        registry: 'Debian mirror',
      });
    }
    return `installed ${packages.join(', ')}`;
  });
}
