/** State keys of CounterActor. All state goes through the actor state manager, never instance fields. */
export const CounterStateKeys = {
  count: 'count',
  ticks: 'ticks',
  remindersFired: 'reminders-fired',
  lastReminderAt: 'last-reminder-at',
} as const;

/** Timer and reminder names (unique per actor id). */
export const CounterSchedules = {
  tickTimer: 'tick',
  wakeUpReminder: 'wake-up',
} as const;
