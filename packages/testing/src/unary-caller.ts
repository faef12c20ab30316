import type { Metadata } from '@grpc/grpc-js';
import type { UnaryMethod } from '@shopstream/service-defaults';

/** A generated message type: `fromPartial` fills the unset fields with their defaults. */
interface MessageType<Req> {
  fromPartial(partial: Partial<Req>): Req;
}

/**
 * Typed promise-returning unary calls of a grpc-js client, one rule for every test kit: the request is
 * completed with `fromPartial`, the metadata comes from `metadata(as)`, the deadline defaults to 15 s.
 * `call(GetProductRequest, 'getProduct')` gives `(request, as = {}) => Promise<GetProductResponse>`; the
 * method name is checked against the client's own methods.
 */
export function unaryCaller<C extends object, As extends { readonly deadlineMs?: number }>(
  client: C,
  metadata: (as: As) => Metadata,
) {
  return <Req, Res>(type: MessageType<Req>, method: keyof C & string) =>
    (request: Partial<Req>, as: As = {} as As) =>
      new Promise<Res>((resolve, reject) => {
        const fn = (client[method] as UnaryMethod<Req, Res>).bind(client);
        fn(
          type.fromPartial(request),
          metadata(as),
          { deadline: Date.now() + (as.deadlineMs ?? 15_000) },
          (e, r) => (e ? reject(e) : resolve(r)),
        );
      });
}
