/** Types of plan.mjs (plain JavaScript: the bootstrap runs before `npm install`). */
export interface BootstrapStep {
  id: string;
  label: string;
  lane: 'cpu' | 'net';
  deps: string[];
  typicalMs: number;
  optional?: boolean;
  obsoleteWhenStarted?: string;
  upToDate(): boolean;
  build(): Promise<string>;
}
export declare const targetNames: string[];
export declare function expandTargets(names: string[]): Set<string>;
export declare function skippedPins(targets: Set<string>): { name: string; for: string[] }[];
export declare function planSteps(targets: Set<string>): BootstrapStep[];
