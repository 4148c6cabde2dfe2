import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

export interface StubAnswer {
  readonly status: number;
  /** An object is sent as JSON; a string as is (text/plain). */
  readonly body: unknown;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for the settlement operator API: it records each
 * request and gives the answer set for the test, so the CLI's fetch, headers and bodies are real.
 */
export class OperatorApiStub {
  readonly received: ReceivedRequest[] = [];
  /** `silent`: the request is read and never answered. */
  answer: StubAnswer | 'silent' = { status: 200, body: {} };
  private readonly server: Server = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      const { method = '', url = '', headers } = request;
      this.received.push({ method, url, authorization: headers.authorization, contentType: headers['content-type'], body });
      if (this.answer === 'silent') return;
      const json = typeof this.answer.body !== 'string';
      response.writeHead(this.answer.status, { 'content-type': json ? 'application/json' : 'text/plain' });
      response.end(json ? JSON.stringify(this.answer.body) : this.answer.body);
    });
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A port nothing listens on: a server started and stopped. */
export async function closedPortUrl(): Promise<string> {
  const stub = await new OperatorApiStub().start();
  const { url } = stub;
  await stub.stop();
  return url;
}
