import { createServer, RequestListener, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import { INestApplication } from '@nestjs/common';
import type { Request } from 'express';

import { TlsFiles } from '../tls/tls-files';

/**
 * The port the operators' endpoints (journal, totals, metrics, their docs) are served on, apart
 * from the port registers reach. Unset: one listener serves everything (a service whose only
 * port is internal).
 */
export class OperatorListener {
  private boundPort?: number;

  get port(): number | undefined {
    return this.boundPort;
  }

  /** Whether the request came in on the operator listener (false when there is none). */
  received(request: Request): boolean {
    return this.boundPort !== undefined && request.socket.localPort === this.boundPort;
  }

  /**
   * Opens the operator listener on the application's request handler (call after app.init(),
   * before app.listen(), so the register port never serves an operator route). It closes with
   * the application's own server. Port 0: any free port. With `tls`, it serves HTTPS.
   */
  async open(app: INestApplication, port: number, host: string, tls?: TlsFiles): Promise<Server> {
    const handler = app.getHttpAdapter().getInstance() as RequestListener;
    let server: Server;
    if (tls) {
      const secure = createHttpsServer(tls.httpsOptions(), handler);
      tls.keepFresh(secure);
      server = secure;
    } else {
      server = createServer(handler);
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.boundPort = (server.address() as AddressInfo).port;
    (app.getHttpServer() as Server).once('close', () => server.close());
    return server;
  }
}
