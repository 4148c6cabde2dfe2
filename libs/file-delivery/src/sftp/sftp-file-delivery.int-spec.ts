import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import { freePort } from '@payments/testing';

import { describeFileDeliveryContract } from '../file-delivery.contract';
import { DeliveryConnectionError } from '../file-delivery.errors';
import { SftpFileDelivery, type SftpFileDeliveryOptions } from './sftp-file-delivery';
import { hostKeySha256Of } from './sftp-host-key.util';

jest.setTimeout(30_000);

// The server scripts/infra/up.sh runs (sshd.sh); the defaults are what scripts/infra/env.sh exports.
const sshdDir = resolve(__dirname, '../../../../.infra/sshd');
const env = {
  host: process.env.SFTP_HOST ?? '127.0.0.1',
  port: Number(process.env.SFTP_PORT ?? 2222),
  username: process.env.SFTP_USER ?? userInfo().username,
  keyPath: process.env.SFTP_PRIVATE_KEY_PATH ?? join(sshdDir, 'client_ed25519'),
  knownHostsPath: process.env.SFTP_KNOWN_HOSTS_PATH ?? join(sshdDir, 'known_hosts'),
  root: process.env.SFTP_ROOT ?? join(sshdDir, 'root'),
};

const options = (overrides: Partial<SftpFileDeliveryOptions> = {}): SftpFileDeliveryOptions => ({
  host: env.host,
  port: env.port,
  username: env.username,
  privateKey: readFileSync(env.keyPath),
  hostKey: { sha256: hostKeySha256Of(readFileSync(env.knownHostsPath, 'utf8')) },
  ...overrides,
});

const target = { folder: 'refused', name: 'TX.csv' };

/** Delivers one small file with these options; the error it fails with, and how long that took. */
async function failureOf(overrides: Partial<SftpFileDeliveryOptions>): Promise<{ error: DeliveryConnectionError; ms: number }> {
  const started = Date.now();
  const error = await new SftpFileDelivery(options(overrides)).deliver({ stream: Readable.from(['T,0\n']) }, target).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof DeliveryConnectionError)) throw new Error(`expected a DeliveryConnectionError, got ${String(error)}`);
  return { error, ms: Date.now() - started };
}

describe(SftpFileDelivery.name, () => {
  describeFileDeliveryContract(() => ({ sut: new SftpFileDelivery(options()), landedRoot: env.root }));

  it('reads the upload back when asked, and says so in the receipt', async () => {
    const folder = `verified-${process.pid}-${Date.now()}`;
    const sut = new SftpFileDelivery(options({ verification: 'sha256' }));
    try {
      const receipt = await sut.deliver({ stream: Readable.from(['H,1\nD,1,1000\nT,1\n']) }, { folder, name: 'TX.csv' });
      expect(receipt).toMatchObject({ outcome: 'delivered', verifiedBy: 'sha256', sizeBytes: 17 });
    } finally {
      rmSync(join(env.root, folder), { recursive: true, force: true });
    }
  });

  describe('a connection that breaks during the upload (through a loopback proxy to sshd)', () => {
    let proxy: Server;
    let proxyPort: number;
    let mode: 'cut' | 'freeze';
    const sockets: Socket[] = [];
    const folder = `broken-${process.pid}-${Date.now()}`;

    beforeAll(async () => {
      // Forwards to sshd; once 300 KB went up, 'cut' closes both sides, 'freeze' stops forwarding.
      proxy = createServer((client) => {
        const upstream = connect(env.port, env.host);
        sockets.push(client, upstream);
        let up = 0;
        upstream.on('data', (chunk) => client.write(chunk));
        client.on('data', (chunk: Buffer) => {
          up += chunk.length;
          if (up < 300_000) return void upstream.write(chunk);
          if (mode === 'cut') [client, upstream].forEach((socket) => socket.destroy());
          else [client, upstream].forEach((socket) => socket.removeAllListeners('data'));
        });
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
      proxyPort = (proxy.address() as { port: number }).port;
    });
    afterAll(async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((closed) => proxy.close(closed));
      rmSync(join(env.root, folder), { recursive: true, force: true });
    });

    it.each([
      ['cut', 'the server hangs up', 'connection lost'],
      ['freeze', 'the server goes silent (dropped after three unanswered keepalives)', 'no answer within the timeout'],
    ] as const)('%s: %s; the call fails within bounds and nothing is under the name', async (how, _why, failure) => {
      mode = how;
      const sut = new SftpFileDelivery(options({ port: proxyPort, keepaliveIntervalMs: 300 }));
      const started = Date.now();

      const attempt = sut.deliver({ stream: Readable.from([Buffer.alloc(2_000_000, 'D,1,1000\n')]) }, { folder, name: `TX-${how}.csv` });

      const endpoint = `sftp://${env.username}@127.0.0.1:${proxyPort}`;
      await expect(attempt).rejects.toThrow(`${folder}/TX-${how}.csv was not delivered to ${endpoint}: ${endpoint}: ${failure}`);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await new SftpFileDelivery(options()).list(folder)).toEqual([]);
    });
  });

  describe('refusals, each a typed error naming host:port and what failed', () => {
    const endpoint = () => `sftp://${env.username}@${env.host}:${env.port}`;

    it('a key the server does not know: refused, and the message carries nothing of the key', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sftp-key-'));
      try {
        execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'stranger', '-f', join(dir, 'key')]);
        const stranger = readFileSync(join(dir, 'key'), 'utf8');

        const { error } = await failureOf({ privateKey: stranger });

        expect(error.failure).toBe('auth-refused');
        expect(error.message).toBe(`${endpoint()}: authentication refused (the key is not accepted for this user)`);
        const keyBody = stranger.split('\n')[1];
        expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(keyBody.slice(0, 16));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a private key that does not parse: refused without quoting it', async () => {
      const { error } = await failureOf({ privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0LWJ1dC1icm9rZW4=\n-----END OPENSSH PRIVATE KEY-----\n' });

      expect(error.failure).toBe('private-key-unusable');
      expect(error.message).toBe(`${endpoint()}: the private key could not be read or parsed`);
    });

    it('a server whose host key is not the pinned one', async () => {
      const { error } = await failureOf({ hostKey: { sha256: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' } });

      expect(error.failure).toBe('host-key-mismatch');
      expect(error.message).toContain(`${endpoint()}: the server's host key is not the expected one`);
    });

    it('a server that is down: refused at once', async () => {
      const port = await freePort();

      const { error, ms } = await failureOf({ port });

      expect(error.failure).toBe('refused');
      expect(error.message).toBe(`sftp://${env.username}@${env.host}:${port}: connection refused (is the server down?) [ECONNREFUSED]`);
      expect(ms).toBeLessThan(2_000);
    });

    describe('a server that accepts the connection and never answers', () => {
      let silent: Server;
      const sockets: Socket[] = [];
      beforeAll(async () => {
        silent = createServer((socket) => sockets.push(socket));
        await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', ready));
      });
      afterAll(async () => {
        sockets.forEach((socket) => socket.destroy());
        await new Promise((closed) => silent.close(closed));
      });

      it('is given up within the connect timeout', async () => {
        const { port } = silent.address() as { port: number };

        const { error, ms } = await failureOf({ port, connectTimeoutMs: 800 });

        expect(error.failure).toBe('timeout');
        expect(error.message).toContain(`sftp://${env.username}@${env.host}:${port}: no answer within the timeout`);
        expect(ms).toBeGreaterThanOrEqual(700);
        expect(ms).toBeLessThan(3_000);
      });
    });
  });
});
