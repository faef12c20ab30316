/** Actor type name as registered with Dapr (the URL segment in /v1.0/actors/<type>/<id>/...). */
export const COUNTER_ACTOR_TYPE = 'CounterActor';

/** What a CounterActor remembers, as returned by `get`. */
export interface CounterSnapshot {
  count: number;
  ticks: number;
  remindersFired: number;
  /** ISO time the last reminder fired, or null. */
  lastReminderAt: string | null;
}

/**
 * The counter's methods. Each call is one actor turn (Dapr serialises calls per actor id), so an increment
 * never races another increment of the same counter.
 */
export interface CounterActorContract {
  /** Adds `by` (an integer, 1 if omitted) and returns the new count. */
  increment(by?: number): Promise<number>;
  get(): Promise<CounterSnapshot>;
  /** Starts a timer that adds one tick every `periodMs`. Timers live only while the actor is active. */
  startTicking(periodMs: number): Promise<void>;
  stopTicking(): Promise<void>;
  /** Schedules a one-shot reminder `dueMs` from now. Reminders are durable: they fire even after a restart. */
  scheduleReminder(dueMs: number): Promise<void>;
}
