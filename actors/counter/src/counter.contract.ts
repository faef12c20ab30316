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
 * The counter's methods. Each takes at most one input object (Dapr delivers it as the JSON request body). Each call is one actor turn (Dapr serialises calls per actor id), so an increment
 * never races another increment of the same counter.
 */
export interface CounterActorContract {
  /** Adds `by` (a positive integer, 1 if omitted) and returns the new count. */
  increment(input?: { by?: number }): Promise<number>;
  get(): Promise<CounterSnapshot>;
  /** Starts a timer that adds one tick every `periodMs`. Timers live only while the actor is active. */
  startTicking(input: { periodMs: number }): Promise<{ periodMs: number }>;
  stopTicking(): Promise<{ stopped: true }>;
  /** Schedules a one-shot reminder `dueMs` from now. Reminders are durable: they fire even after a restart. */
  scheduleReminder(input: { dueMs: number }): Promise<{ dueAt: string }>;
}
