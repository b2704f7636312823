import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { HTTP_LIMITS, stoppable } from '../core/http-server.js';
import type { Log } from '../core/log.js';

/** What this instance is doing, as monitoring sees it. */
export type Role = 'starting' | 'standby' | 'active' | 'stopping';

/** The instance's state, kept by the entry point (bot/main.ts, bot/standby.ts). */
export class InstanceStatus {
  role: Role = 'starting';
  /** The store: `embedded` (files in DATA_DIR) or `postgres`. */
  readonly store: 'embedded' | 'postgres';
  /** The fencing epoch, while active on PostgreSQL. */
  epoch: number | null = null;
  since = new Date();
  /** The seq of the last change the store in memory holds (an active one's, or a standby's copy). */
  seq: () => number | null = () => null;

  constructor(store: 'embedded' | 'postgres') {
    this.store = store;
  }

  set(role: Role, epoch: number | null = this.epoch): void {
    if (role !== this.role) this.since = new Date();
    this.role = role;
    this.epoch = epoch;
  }
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The endpoints the data centre's monitoring asks (plain HTTP, JSON bodies):
 * - `GET /healthz` — the process is alive and its event loop answers: 200 while running, whatever its
 *   role (a standby is healthy);
 * - `GET /readyz` — this instance serves: 200 only when it is the active one (its store loaded, its
 *   platforms started), 503 otherwise — a standby, one starting or stopping.
 * Nothing else is served (404); no secret or personal data is in any answer.
 *
 * A minimal server of its own: the web desk's server (issue 24) will mount these routes when it lands.
 */
export async function startHealthServer(
  where: { host: string; port: number },
  status: InstanceStatus,
  log: Pick<Log, 'info' | 'error'>,
): Promise<HealthServer> {
  const server = createServer(HTTP_LIMITS, (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
    const body = {
      role: status.role,
      store: status.store,
      epoch: status.epoch,
      seq: status.seq(),
      since: status.since.toISOString(),
    };
    if (path === '/healthz') return send(res, 200, { status: 'ok', ...body });
    if (path === '/readyz') {
      const ready = status.role === 'active';
      return send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...body });
    }
    return send(res, 404, { error: 'not found' });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  const close = stoppable(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : where.port;
  log.info({ host: where.host, port }, 'health and readiness endpoints listening (/healthz, /readyz)');
  return {
    port,
    close,
  };
}

function send(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
