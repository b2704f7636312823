import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/*
 * What every HTTP server of the bot shares (the Zalo Bot Platform's webhook, the desk, the health
 * port): the limits the README documents, and a stop that does not wait on clients. Node checks its
 * timeouts only every `connectionsCheckingInterval` (30 s by default: slow headers were cut after
 * ~27 s, slow bodies after ~60 s), so the check runs every second here.
 */
export const HTTP_LIMITS = {
  /** A request's headers complete within 10 s of its first byte. */
  headersTimeout: 10_000,
  /** A whole request (headers and body) within 30 s. */
  requestTimeout: 30_000,
  connectionsCheckingInterval: 1_000,
  /** An idle kept-alive connection is closed after 5 s (Node's default, said here). */
  keepAliveTimeout: 5_000,
} as const satisfies ServerOptions;

/** How long a stop lets the requests already being answered finish before it closes them too. */
const ANSWER_GRACE_MS = 1_000;

/**
 * Makes `server` stoppable at once, whatever clients do: the stop returned stops listening, closes at
 * once every connection that is idle or still sending its request (however slowly: a client sending
 * its headers a byte a second holds nothing), and lets the requests that have fully arrived be
 * answered (their connections closed after), for at most a second. Call it before the server
 * listens.
 */
export function stoppable(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  const current = new Map<Socket, { req: IncomingMessage; res: ServerResponse }>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      current.delete(socket);
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    current.set(socket, { req, res });
    res.once('finish', () => {
      if (current.get(socket)?.res === res) current.delete(socket);
    });
  });
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= new Promise<void>((resolve) => {
      if (!server.listening && sockets.size === 0) return resolve();
      const grace = setTimeout(() => server.closeAllConnections(), ANSWER_GRACE_MS);
      grace.unref();
      server.close(() => {
        clearTimeout(grace);
        resolve();
      });
      for (const socket of sockets) {
        const request = current.get(socket);
        if (request?.req.complete) {
          // Being answered: the answer goes out, then the connection closes.
          if (!request.res.headersSent) request.res.setHeader('connection', 'close');
          request.res.shouldKeepAlive = false;
          continue;
        }
        socket.destroy();
      }
    });
    return stopping;
  };
}
