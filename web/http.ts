import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type HttpBindings, type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTP_LIMITS, stoppable } from '../core/http-server.js';
import type { Log } from '../core/log.js';
import { clientAddress, RateLimiter } from './limits.js';

/** The bot's HTTP app: Hono over Node's HTTP server (@hono/node-server). */
export type HttpApp = Hono<{ Bindings: HttpBindings }>;

/**
 * Routes mounted on the bot's HTTP server: the desk (web/desk.ts), and whatever else the process
 * serves on the same port (health and readiness checks). Each is a function given the app.
 */
export type Routes = (app: HttpApp) => void;

export interface HttpOptions {
  log: Log;
  /** The HTTPS address the reverse proxy exposes, if any: turns on HSTS. */
  publicUrl?: string | undefined;
  routes: readonly Routes[];
  /** Largest request body accepted (default 64 KiB: the desk's forms are small). */
  bodyBytes?: number;
  /** Requests a client may make in a minute (default 600: a page of photos is a burst). */
  perMinute?: number;
  clock?: () => number;
}

/**
 * The HTTP app with what every route gets: security headers (a Content-Security-Policy without
 * inline scripts or styles, framing only by the page itself and Telegram Web, which shows Mini Apps
 * in a frame), a limit on request size and on requests per client, and one error boundary that logs
 * and answers without details.
 */
export function createHttpApp(options: HttpOptions): HttpApp {
  const app: HttpApp = new Hono();
  const limiter = new RateLimiter(options.perMinute ?? 600, options.clock);
  const https = options.publicUrl?.startsWith('https://') ?? false;
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        // Telegram Web (web.telegram.org) shows a Mini App in a frame; nobody else may frame it.
        frameAncestors: ["'self'", 'https://web.telegram.org'],
      },
      // frame-ancestors says who may frame; X-Frame-Options cannot name Telegram Web.
      xFrameOptions: false,
      referrerPolicy: 'same-origin',
      strictTransportSecurity: https ? 'max-age=31536000' : false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );
  app.use(async (c, next) => {
    if (!limiter.take(clientAddress(c))) {
      return c.text('Too many requests', 429, { 'retry-after': '60' });
    }
    await next();
  });
  app.use(bodyLimit({ maxSize: options.bodyBytes ?? 64 * 1024, onError: (c) => c.text('Too large', 413) }));
  app.onError((err, c) => {
    options.log.error({ err, path: c.req.path }, 'HTTP request failed');
    return c.text('Internal Server Error', 500);
  });
  for (const routes of options.routes) routes(app);
  return app;
}

export interface HttpServer {
  readonly port: number;
  /** Where the server listens, e.g. http://127.0.0.1:8080 (the public address may differ). */
  readonly localUrl: string;
  /** Stops accepting requests and closes every connection. Safe to call twice. */
  close(): Promise<void>;
}

/** Listens on `host:port` (0: a free port); resolves once listening, rejects if the port is taken. */
export function listen(app: HttpApp, host: string, port: number): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const failed = (error: Error) => reject(error);
    server = serve(
      { fetch: app.fetch, hostname: host, port, serverOptions: HTTP_LIMITS },
      (info: AddressInfo) => {
        server?.off('error', failed);
        const shown = host.includes(':') ? `[${host}]` : host;
        resolve({
          port: info.port,
          localUrl: `http://${shown}:${info.port}`,
          close: () => close(),
        });
      },
    );
    const close = stoppable(server as Server);
    server.once('error', failed);
  });
}
