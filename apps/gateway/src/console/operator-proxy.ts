import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

import type { Request, Response } from 'express';

/** One path prefix of the operator API and the service that serves it (distributed mode). */
export interface ProxyRoute {
  readonly prefix: string;
  readonly target: URL;
}

/** What is passed on each way: the credentials (cookie or bearer), the anti-CSRF header, the body's type; the answer's type, file name and paging. */
const REQUEST_HEADERS = ['accept', 'authorization', 'content-type', 'cookie', 'user-agent', 'x-operator-request'];
const RESPONSE_HEADERS = ['cache-control', 'content-disposition', 'content-type', 'x-next-cursor'];

/**
 * Forwards the console's calls to another service's operator routes, as they came (that service
 * checks the session or key and audits): the gateway's operator port is then the console's one
 * origin in the distributed mode too. `ca` is trusted for an https target (internal TLS).
 */
export class OperatorProxy {
  constructor(
    readonly routes: readonly ProxyRoute[],
    private readonly ca?: Buffer,
    private readonly timeoutMs = 30_000,
  ) {}

  routeOf(path: string): ProxyRoute | undefined {
    return this.routes.find((route) => path === route.prefix || path.startsWith(`${route.prefix}/`));
  }

  forward(request: Request, response: Response): Promise<void> {
    const route = this.routeOf(request.path);
    const url = route && new URL(request.originalUrl, route.target);
    // The URL as it will be sent (dot segments, encoded or not, resolved) must still be under the
    // route: `/v1/journal/%2e%2e/%2e%2e/metrics` must not reach the service's other routes.
    if (!route || !url || this.routeOf(url.pathname) !== route) {
      response.status(404).setHeader('cache-control', 'no-store');
      response.json({ statusCode: 404, message: `Cannot ${request.method} ${request.path}` });
      return Promise.resolve();
    }
    const headers: Record<string, string> = {};
    for (const name of REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // The caller's address as the gateway saw it, replacing whatever the caller claimed (informational:
    // the services do not trust it for anything).
    if (request.ip) headers['x-forwarded-for'] = request.ip;
    // The body parser has read the stream already: send what it parsed.
    const body = request.method === 'GET' || request.method === 'HEAD' || request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<void>((resolve) => {
      const failed = (reason: string) => {
        if (!response.headersSent)
          response
            .status(502)
            .setHeader('cache-control', 'no-store')
            .json({ statusCode: 502, message: `${route.target.host} did not answer (${reason})` });
        else response.end();
        resolve();
      };
      const outgoing = send(
        url,
        { method: request.method, headers, timeout: this.timeoutMs, ...(this.ca ? { ca: this.ca } : {}) },
        (answer: IncomingMessage) => {
          response.status(answer.statusCode ?? 502);
          for (const name of RESPONSE_HEADERS) {
            const value = answer.headers[name];
            if (value !== undefined) response.setHeader(name, value);
          }
          answer.pipe(response);
          answer.once('end', () => resolve());
          answer.once('error', () => failed('the answer broke off'));
        },
      );
      outgoing.once('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.once('error', (error) => failed(error.message));
      outgoing.end(body);
    });
  }
}
