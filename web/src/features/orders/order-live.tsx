'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FINAL_STATES, ORDER_STATE } from '@/lib/order-enums';
import { formatOrderTime, outcomeText, stateLabel, type TransitionView } from './order-format';
import { OrderTimeline } from './order-timeline';

interface OrderLiveProps {
  readonly orderId: string;
  /** The transitions the server rendered (GetOrder), oldest first. */
  readonly initial: readonly TransitionView[];
}

const UNDONE: ReadonlySet<number> = new Set([
  ORDER_STATE.COMPENSATED,
  ORDER_STATE.FAILED,
  ORDER_STATE.CANCELLED,
]);

const stateOf = (transitions: readonly TransitionView[]) =>
  transitions.at(-1)?.toState ?? ORDER_STATE.PENDING;

/**
 * The order's state, kept current without a reload (adr/0056): an EventSource on the order's event
 * stream, which resumes after the last event it saw (Last-Event-ID) when the connection drops.
 */
export function OrderLive({ orderId, initial }: OrderLiveProps) {
  const [transitions, setTransitions] = useState<readonly TransitionView[]>(initial);
  const [lost, setLost] = useState(false);
  const state = stateOf(transitions);
  const final = FINAL_STATES.has(state);

  useEffect(() => {
    if (FINAL_STATES.has(stateOf(initial))) return;
    const last = initial.at(-1)?.version ?? 0;
    const source = new EventSource(`/orders/${orderId}/events?after=${last}`);
    source.addEventListener('transition', (event) => {
      const t = JSON.parse((event as MessageEvent<string>).data) as TransitionView;
      setTransitions((current) =>
        current.some((c) => c.version === t.version)
          ? current
          : [...current, t].sort((a, b) => a.version - b.version),
      );
      setLost(false);
    });
    source.addEventListener('end', () => source.close());
    source.addEventListener('problem', () => {
      source.close();
      setLost(true);
    });
    source.addEventListener('error', () => {
      // The browser reconnects by itself unless the server refused the stream.
      if (source.readyState === EventSource.CLOSED) setLost(true);
    });
    return () => source.close();
  }, [orderId, initial]);

  const reason = transitions.at(-1)?.reason ?? '';
  const failed = UNDONE.has(state);
  return (
    <div className="grid gap-4">
      <div role="status" aria-live="polite" className="grid gap-1">
        <p className="text-lg font-semibold" data-testid="order-state">
          {stateLabel(state)}
        </p>
        {failed ? (
          <Alert variant="destructive">{outcomeText(state, reason)}</Alert>
        ) : (
          <p>{outcomeText(state, reason)}</p>
        )}
      </div>
      {lost && !final ? (
        <Alert>Live updates stopped. Reload the page to see where your order stands.</Alert>
      ) : null}
      <OrderTimeline transitions={transitions} />
      <p className="sr-only">Last change: {formatOrderTime(transitions.at(-1)?.at ?? '')}</p>
    </div>
  );
}
