import { DomainError, type FieldError } from '../errors/domain-error.js';
import { ErrorKind } from '../errors/error-kind.js';

/** Calls one actor method and returns its JSON result; fails with a DomainError. */
export type ActorInvoker = (
  actorType: string,
  actorId: string,
  method: string,
  body?: unknown,
) => Promise<unknown>;

export interface DaprActorInvokerOptions {
  readonly daprHttpPort: number;
  readonly daprApiToken?: string | undefined;
  /** The code of the error when the actor cannot be reached or fails without a DomainError (`Cart.Unavailable`). */
  readonly unavailableCode: string;
  /** Per call (default 10 s): an actor turn waits behind the turns before it. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof globalThis.fetch;
}

const ERROR_KINDS = new Set<string>(Object.values(ErrorKind));

interface ErrorBody {
  code?: unknown;
  kind?: unknown;
  fields?: unknown;
  message?: unknown;
}

/** The JSON error body of the actor: as is, or quoted inside daprd's own `message`. */
function errorBody(text: string): ErrorBody | undefined {
  const parse = (raw: string): ErrorBody | undefined => {
    try {
      const value: unknown = JSON.parse(raw);
      return typeof value === 'object' && value !== null ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const outer = parse(text);
  if (outer?.code !== undefined) return outer;
  const inner = typeof outer?.message === 'string' ? outer.message : text;
  const start = inner.indexOf('{');
  const end = inner.lastIndexOf('}');
  return start >= 0 && end > start ? parse(inner.slice(start, end + 1)) : undefined;
}

const fieldsOf = (value: unknown): FieldError[] =>
  Array.isArray(value)
    ? value.flatMap((f: unknown) => {
        const { field, detail } = (f ?? {}) as { field?: unknown; detail?: unknown };
        return typeof field === 'string' && typeof detail === 'string' ? [{ field, detail }] : [];
      })
    : [];

/**
 * Turns a failed actor call back into the actor's DomainError (code, kind and field errors). daprd passes the
 * app's error body on, either as is or quoted inside its own message. Anything else is `unavailableCode`.
 */
export function actorCallError(
  label: string,
  status: number,
  text: string,
  unavailableCode: string,
): DomainError {
  const body = errorBody(text);
  const code = typeof body?.code === 'string' && /^[A-Za-z]+\.[A-Za-z]+$/.test(body.code) ? body.code : '';
  const kind = typeof body?.kind === 'string' && ERROR_KINDS.has(body.kind) ? body.kind : '';
  if (code && kind) {
    return new DomainError(kind as ErrorKind, code, `${label} failed: ${code}`, {
      fields: fieldsOf(body?.fields),
    });
  }
  return new DomainError(ErrorKind.Unavailable, unavailableCode, `${label} → ${status}`);
}

/** Invokes actors through the local sidecar's HTTP API (`/v1.0/actors/<type>/<id>/method/<method>`). */
export function daprActorInvoker(options: DaprActorInvokerOptions): ActorInvoker {
  const doFetch = options.fetch ?? globalThis.fetch;
  return async (actorType, actorId, method, body) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.daprApiToken) headers['dapr-api-token'] = options.daprApiToken;
    const path = [actorType, actorId, 'method', method].map(encodeURIComponent).join('/');
    const label = `${actorType}.${method}`;
    let res: Response;
    try {
      res = await doFetch(`http://127.0.0.1:${options.daprHttpPort}/v1.0/actors/${path}`, {
        method: 'POST',
        headers,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new DomainError(ErrorKind.Unavailable, options.unavailableCode, `${label}: sidecar unreachable`, {
        cause: error,
      });
    }
    const text = await res.text();
    if (res.status !== 200) throw actorCallError(label, res.status, text, options.unavailableCode);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
}
