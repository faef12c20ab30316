import type { Linter } from 'eslint';

export const TEST_FILES: string[];
export const SHIPPED_FILES: string[];
type Pattern = { group: string[]; message: string; allowTypeImports?: boolean };
export const noDeepSrc: Pattern;
export const noToolsOrKits: Pattern;
export const adaptersNoInfra: Pattern;
export const appNoInfra: Pattern;
export const domainPure: Pattern[];
export const domainServiceDefaults: object[];
export function importBoundaries(workflowPatterns: Pattern[]): Linter.Config[];
