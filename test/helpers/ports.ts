import { createServer, type Server } from 'node:net';

/**
 * `count` different ports free right now on 127.0.0.1 (the kernel's picks, released): for servers that
 * must be told their port before they listen (a desk's public address, a child process's settings).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    // Held until all are found, so the kernel cannot hand out one of them twice.
    for (let i = 0; i < count; i += 1) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
    }
    return servers.map((s) => (s.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

/** A port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return (await freePorts(1))[0] as number;
}

/** What a start throws when a port it was given was taken meanwhile (as `listen` does): `onFreePorts` tries others. */
export function portTaken(what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${what}: the port was taken meanwhile (EADDRINUSE)`), {
    code: 'EADDRINUSE',
  });
}

/**
 * Starts something on `count` ports found free, again on others when one was taken meanwhile: between
 * freePorts' check and the listen, a test running beside this one may take it (seen once in CI). A
 * start that cannot listen must throw an error with the code EADDRINUSE (a server's own, or `portTaken`
 * for a child process that said so), having stopped whatever it had started.
 */
export async function onFreePorts<T>(
  count: number,
  start: (ports: number[]) => Promise<T>,
  tries = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start(await freePorts(count));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= tries) throw error;
    }
  }
}

/** `onFreePorts` with one port. */
export function onFreePort<T>(start: (port: number) => Promise<T>, tries = 5): Promise<T> {
  return onFreePorts(1, ([port]) => start(port as number), tries);
}
