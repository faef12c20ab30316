/**
 * The only place in the code base that reads `process.env`. Everything else receives parsed config.
 * The snapshot is taken once, on first use, so later mutations (the Dapr SDK writes DAPR_SERVER_PORT)
 * cannot change what a service sees.
 */
export type EnvSource = Readonly<Record<string, string | undefined>>;

let snapshot: EnvSource | undefined;

export function readEnv(): EnvSource {
  snapshot ??= Object.freeze({ ...process.env });
  return snapshot;
}
