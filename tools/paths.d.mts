/** Types of tools/paths.mjs (plain JavaScript so that the bootstrap runs before `npm install`). */
export declare const repoRoot: string;
export declare const cacheRoot: string;
export declare const pins: {
  debian: Record<string, { package: string; probe: string }>;
  go: Record<string, { version: string; recipe: string; module?: string; binaries: string[] }>;
  python: Record<string, { version: string; binaries: string[] }>;
  maven: Record<string, { version: string; pom: string; probeJar: string }>;
};
export declare const fromSource: Set<string>;
export declare function activeGoPins(): [string, { version: string; recipe: string; binaries: string[] }][];
export declare function activePythonPins(): [string, { version: string; binaries: string[] }][];
export declare function toolDir(name: string, version: string): string;
export declare function goToolKey(pin: { version: string; recipe: string; module?: string }): string;
export declare function pythonToolKey(pin: { version: string; source?: string }): string;
export declare function toolBin(binary: string): string;
export declare function toolJars(name: string): string;
