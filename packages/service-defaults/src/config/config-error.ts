/** One problem with one environment variable. Values are never included: they may be secrets. */
export interface ConfigIssue {
  readonly key: string;
  readonly reason: string;
}

/** Thrown by `parseConfig`/`loadConfig` with every bad key at once, not just the first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.key}: ${issue.reason}`);
    const noun = issues.length === 1 ? 'problem' : 'problems';
    super(`Invalid configuration (${issues.length} ${noun}):\n${lines.join('\n')}`);
    this.issues = issues;
  }
}
