import type { Metadata } from '@grpc/grpc-js';

/** A generated message type: `fromPartial` fills the unset fields with their defaults. */
export interface MessageType<Req> {
  fromPartial(partial: Partial<Req>): Req;
}

/** Who calls, as far as the caller needs it: the deadline, and whatever `metadata` reads. */
export interface CallerOptions {
  readonly deadlineMs?: number;
}

type Unary<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: { deadline: number },
  callback: (error: Error | null, response: Res) => void,
) => unknown;

/**
 * Typed promise-returning unary calls of a grpc-js client, one rule for every test kit: the request is
 * completed with `fromPartial`, the metadata comes from `metadata(as)`, the deadline defaults to 15 s.
 * `call(GetProductRequest, 'getProduct')` gives `(request, as = {}) => Promise<GetProductResponse>`.
 */
export function unaryCaller<M extends string, As extends CallerOptions>(
  client: object,
  metadata: (as: As) => Metadata,
) {
  return <Req, Res>(type: MessageType<Req>, method: M) =>
    (request: Partial<Req>, as: As = {} as As) =>
      new Promise<Res>((resolve, reject) => {
        const fn = ((client as Record<string, unknown>)[method] as Unary<Req, Res>).bind(client);
        fn(
          type.fromPartial(request),
          metadata(as),
          { deadline: Date.now() + (as.deadlineMs ?? 15_000) },
          (e, r) => (e ? reject(e) : resolve(r)),
        );
      });
}
