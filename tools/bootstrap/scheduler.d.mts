/** Types of scheduler.mjs. */
import type { BootstrapStep } from './plan.mjs';
export type PlannedStep = BootstrapStep & { estimateMs: number; estimateNote: string };
export declare function remainingMs(
  steps: PlannedStep[],
  state: Map<string, { started?: number; ended?: string }>,
  now?: number,
): number;
export declare function runSteps(
  steps: PlannedStep[],
  options: {
    onFinished?: (step: PlannedStep, ms: number) => void;
    tickMs?: number;
    write?: (line: string) => void;
  },
): Promise<number>;
