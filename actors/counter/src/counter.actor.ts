/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
import { AbstractActor, Temporal } from '@dapr/dapr';
import { z } from 'zod';
import { DomainError } from '@shopstream/service-defaults';
import type { CounterActorContract, CounterSnapshot } from './counter.contract.js';
import { CounterSchedules, CounterStateKeys } from './counter.state.js';

/**
 * The SDK takes Temporal durations (it sends `toString()`, e.g. "PT0.5S" → "0.5s"). The polyfill's types do
 * not resolve under NodeNext for the type-aware linter, so its "unsafe" rules are off for this file.
 */
const ms = (milliseconds: number) => Temporal.Duration.from({ milliseconds });

const amount = z.number().int().min(1).max(86_400_000);
const incrementInput = z.object({ by: amount.default(1) }).default({ by: 1 });
const periodInput = z.object({ periodMs: amount });
const dueInput = z.object({ dueMs: amount });

/** Validates an actor method's input; a bad one fails the call and changes nothing. */
function parse<T>(schema: z.ZodType<T>, input: unknown, method: string): T {
  const result = schema.safeParse(input ?? undefined);
  if (!result.success) throw DomainError.fromZod(`Counter.Invalid${method}`, result.error);
  return result.data;
}

/** Reference actor: per-id counter with a timer (ticks) and a durable reminder. */
export class CounterActor extends AbstractActor implements CounterActorContract {
  private async read(key: string): Promise<number> {
    const [found, value] = await this.getStateManager<number>().tryGetState(key);
    return found && value !== null ? value : 0;
  }

  private async add(key: string, by: number): Promise<number> {
    const next = (await this.read(key)) + by;
    await this.getStateManager<number>().setState(key, next);
    await this.getStateManager().saveState();
    return next;
  }

  async increment(input?: { by?: number }): Promise<number> {
    return this.add(CounterStateKeys.count, parse(incrementInput, input, 'Increment').by);
  }

  async get(): Promise<CounterSnapshot> {
    const [, lastReminderAt] = await this.getStateManager<string>().tryGetState(
      CounterStateKeys.lastReminderAt,
    );
    return {
      count: await this.read(CounterStateKeys.count),
      ticks: await this.read(CounterStateKeys.ticks),
      remindersFired: await this.read(CounterStateKeys.remindersFired),
      lastReminderAt: lastReminderAt ?? null,
    };
  }

  async startTicking(input: { periodMs: number }): Promise<{ periodMs: number }> {
    const { periodMs } = parse(periodInput, input, 'Ticking');
    await this.registerActorTimer(CounterSchedules.tickTimer, 'onTick', ms(periodMs), ms(periodMs));
    return { periodMs };
  }

  async stopTicking(): Promise<{ stopped: true }> {
    await this.unregisterActorTimer(CounterSchedules.tickTimer);
    return { stopped: true };
  }

  /** Timer callback (invoked by name): one tick. */
  async onTick(): Promise<void> {
    await this.add(CounterStateKeys.ticks, 1);
  }

  async scheduleReminder(input: { dueMs: number }): Promise<{ dueAt: string }> {
    const { dueMs } = parse(dueInput, input, 'Reminder');
    await this.registerActorReminder(CounterSchedules.wakeUpReminder, ms(dueMs));
    return { dueAt: new Date(Date.now() + dueMs).toISOString() };
  }

  override async receiveReminder(): Promise<void> {
    await this.getStateManager<string>().setState(CounterStateKeys.lastReminderAt, new Date().toISOString());
    await this.add(CounterStateKeys.remindersFired, 1);
  }
}
