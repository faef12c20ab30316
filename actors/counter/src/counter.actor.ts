/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
import { AbstractActor, Temporal } from '@dapr/dapr';
import type { CounterActorContract, CounterSnapshot } from './counter.contract.js';
import { CounterSchedules, CounterStateKeys } from './counter.state.js';

/**
 * The SDK takes Temporal durations (it sends `toString()`, e.g. "PT0.5S" → "0.5s"). The polyfill's types do
 * not resolve under NodeNext for the type-aware linter, so its "unsafe" rules are off for this file.
 */
const ms = (milliseconds: number) => Temporal.Duration.from({ milliseconds });

function positiveInteger(value: unknown, name: string, fallback?: number): number {
  const n = value === undefined || value === null ? fallback : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 86_400_000) {
    throw new Error(`${name} must be an integer between 1 and 86400000`);
  }
  return n;
}

/** Reference actor: per-id counter with a timer (ticks) and a durable reminder. */
export class CounterActor extends AbstractActor implements CounterActorContract {
  private async read(key: string): Promise<number> {
    return (await this.getStateManager<number>().getState(key)) ?? 0;
  }

  private async add(key: string, by: number): Promise<number> {
    const next = (await this.read(key)) + by;
    await this.getStateManager<number>().setState(key, next);
    await this.getStateManager().saveState();
    return next;
  }

  async increment(by?: number): Promise<number> {
    return this.add(CounterStateKeys.count, positiveInteger(by, 'by', 1));
  }

  async get(): Promise<CounterSnapshot> {
    const lastReminderAt = await this.getStateManager<string>().getState(CounterStateKeys.lastReminderAt);
    return {
      count: await this.read(CounterStateKeys.count),
      ticks: await this.read(CounterStateKeys.ticks),
      remindersFired: await this.read(CounterStateKeys.remindersFired),
      lastReminderAt: lastReminderAt ?? null,
    };
  }

  async startTicking(periodMs: number): Promise<void> {
    const period = ms(positiveInteger(periodMs, 'periodMs'));
    await this.registerActorTimer(CounterSchedules.tickTimer, 'onTick', period, period);
  }

  async stopTicking(): Promise<void> {
    await this.unregisterActorTimer(CounterSchedules.tickTimer);
  }

  /** Timer callback (invoked by name): one tick. */
  async onTick(): Promise<void> {
    await this.add(CounterStateKeys.ticks, 1);
  }

  async scheduleReminder(dueMs: number): Promise<void> {
    await this.registerActorReminder(CounterSchedules.wakeUpReminder, ms(positiveInteger(dueMs, 'dueMs')));
  }

  override async receiveReminder(): Promise<void> {
    await this.getStateManager<string>().setState(CounterStateKeys.lastReminderAt, new Date().toISOString());
    await this.add(CounterStateKeys.remindersFired, 1);
  }
}
