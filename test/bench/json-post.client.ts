import { Agent, request } from 'node:http';

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * POSTs JSON over keep-alive connections with node:http. The load generator shares the machine
 * with the platform it measures: fetch spent about 2.5 ms of CPU per purchase here, this a
 * fraction of it, which is left to the platform.
 */
export class JsonPostClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1_024 });
  private readonly base: URL;

  constructor(baseUrl: string) {
    this.base = new URL(baseUrl);
  }

  post(path: string, headers: Record<string, string>, body: unknown, timeoutMs: number): Promise<JsonResponse> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          path,
          method: 'POST',
          timeout: timeoutMs,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, headers: res.headers });
            } catch {
              resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers });
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer to POST ${path} within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
