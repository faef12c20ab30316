import { formatOrderTime, stateLabel, type TransitionView } from './order-format';

/** Every state of an order with the time it was reached (and why, for failures). */
export function OrderTimeline({ transitions }: { transitions: readonly TransitionView[] }) {
  return (
    <section aria-labelledby="timeline-title" className="grid gap-2">
      <h2 id="timeline-title" className="text-lg font-semibold">
        Timeline
      </h2>
      <ol className="grid gap-1 border-l pl-4 text-sm" data-testid="order-timeline">
        {transitions.map((t) => (
          <li key={t.version}>
            <span className="font-medium">{stateLabel(t.toState)}</span>{' '}
            <time dateTime={t.at} className="text-muted-foreground">
              {formatOrderTime(t.at)}
            </time>
            {t.reason ? (
              <span className="text-muted-foreground"> — {t.reason.replaceAll('_', ' ')}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
