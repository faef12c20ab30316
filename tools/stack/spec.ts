/** What the supervisor knows about one process it runs. */
export type ProcessKind = 'infra' | 'app' | 'sidecar' | 'web';

export interface ProcessSpec {
  /** Unique name, shown by `npm run status` and used for the log file: <data>/logs/<name>.log. */
  name: string;
  kind: ProcessKind;
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Ports it listens on, by role (checked free before start, shown in status). */
  ports: Record<string, number>;
  /** Resolves true once the process serves requests. Polled until readyTimeoutMs. */
  ready: () => Promise<boolean>;
  readyTimeoutMs: number;
  /** Names of processes that must be ready first. */
  dependsOn: string[];
  /**
   * Starts together with this (earlier) process instead of after it — a sidecar with its app: daprd waits for
   * the app's port by itself. Its readyTimeoutMs then covers the other's start too.
   */
  alongside?: string;
  /** Run once before the first start (e.g. initdb). */
  prepare?: () => Promise<void>;
  /** Run after the process became ready (e.g. create tables). */
  afterReady?: () => Promise<void>;
  /**
   * The signal that asks it to shut down (default SIGTERM). PostgreSQL's SIGTERM is a "smart" shutdown that
   * waits for every client to disconnect; SIGINT is its "fast" shutdown (roll back, disconnect, checkpoint).
   */
  stopSignal?: NodeJS.Signals;
  /** Run as this uid/gid (PostgreSQL refuses to run as root). */
  user?: { uid: number; gid: number };
}
