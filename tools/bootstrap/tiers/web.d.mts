/** Builds web/ with `next build` unless its sources (and the lockfile) are unchanged since the last build. */
export function webTier(): Promise<void>;
/** sha256 over web/'s build inputs and package-lock.json. */
export function webSourceHash(): string;
