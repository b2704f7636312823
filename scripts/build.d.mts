// Types of scripts/build.mjs, for the bench (bench/run.ts builds its children with the bot's settings).
export const LAZY: readonly string[];
export function bundle(entryPoints: Record<string, string>, outdir: string): Promise<unknown>;
export function buildBot(outdir?: string): Promise<void>;
export function buildDesk(outdir: string): Promise<void>;
