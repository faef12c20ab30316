import { ConfigError } from './config-error.js';

/**
 * Runs `load`; on a ConfigError writes one JSON line to stderr (message plus `issues: [{key, reason}]`)
 * and exits 1. Any other error is rethrown.
 */
export function exitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const line = { level: 'fatal', time: new Date().toISOString(), msg: error.message, issues: error.issues };
    process.stderr.write(`${JSON.stringify(line)}\n`);
    process.exit(1);
  }
}
