/**
 * zod's options for a parse made once — a settings file, a snapshot's header — at start-up: without
 * its compiled fast path, which zod builds (`new Function`) at a schema's first parse and which costs
 * more to build than it saves on a single parse (tens of milliseconds of a start). Parses repeated many
 * times (a journal's lines) keep it.
 */
export const ONCE = { jitless: true } as const;
