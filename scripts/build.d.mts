// Types of scripts/build.mjs, for the bench (bench/run.ts builds its children with the bot's settings).
export const LAZY: readonly string[];
export function bundle(entryPoints: Record<string, string>, outdir: string): Promise<unknown>;
export const STAMP: string;
export function buildBot(outdir?: string, options?: { force?: boolean }): Promise<boolean>;
export function upToDate(outdir: string): Promise<boolean>;
export function buildDesk(outdir: string): Promise<unknown>;
