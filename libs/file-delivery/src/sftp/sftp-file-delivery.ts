import SftpClient from 'ssh2-sftp-client';

import type { DeliveryStore } from '../core/delivery-store';
import { type DeliveryVerification, StoreFileDelivery } from '../core/store-file-delivery.base';
import { FileDeliveryError } from '../file-delivery.errors';
import { connectionErrorOf } from './sftp-connection.error';
import { hostKeyVerifier } from './sftp-host-key.util';
import { SftpStore } from './sftp.store';

export interface SftpFileDeliveryOptions {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  /** The private key itself (OpenSSH or PEM text), read by the caller from its secret store; never logged. */
  readonly privateKey: string | Buffer;
  readonly passphrase?: string;
  /** The server's host key fingerprint ('SHA256:…' as ssh-keygen -l prints it), or an explicit opt-out. */
  readonly hostKey: { readonly sha256: string } | 'accept-any';
  /** A folder on the server that targets are relative to; '' (the default) is where a session starts. */
  readonly root?: string;
  /** TCP connect, SSH handshake and login together (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** A silent server is given up after three keepalives this far apart (default 5 s, so 15 s). */
  readonly keepaliveIntervalMs?: number;
  /** OpenSSH's sftp-server has no checksum extension: 'sha256' reads the upload back to hash it. */
  readonly verification?: DeliveryVerification;
}

const quietCallbacks = { error: () => undefined, end: () => undefined, close: () => undefined };

/**
 * Delivery to an SFTP server with ssh2-sftp-client: one connection per operation (a few files a
 * day; nothing to keep alive or reconnect), key authentication only, host key pinned.
 */
export class SftpFileDelivery extends StoreFileDelivery {
  readonly destination: string;
  private readonly endpoint: string;

  constructor(private readonly options: SftpFileDeliveryOptions) {
    super(options.verification ?? 'size');
    this.endpoint = `sftp://${options.username}@${options.host}:${options.port}`;
    this.destination = options.root ? `${this.endpoint}/${options.root}` : this.endpoint;
  }

  protected async withStore<T>(work: (store: DeliveryStore) => Promise<T>): Promise<T> {
    const client = new SftpClient('file-delivery', quietCallbacks);
    // ssh2's own error keeps what failed (its level, the socket's code); the wrapper's copy does not.
    let transportError: unknown;
    client.on('error', (error: Error) => {
      transportError ??= error;
    });
    // ssh2 leaves a stream's pending reads and writes unanswered when the connection dies (the
    // server hangs up, or keepalives go unanswered): the store's streams are aborted instead.
    const lost = new AbortController();
    let ending = false;
    client.on('close', () => {
      if (!ending) lost.abort(connectionErrorOf(this.endpoint, transportError ?? new Error('closed by the server')));
    });
    try {
      await client.connect(this.connectOptions());
    } catch (error) {
      ending = true;
      await client.end().catch(() => undefined);
      throw connectionErrorOf(this.endpoint, transportError ?? error);
    }
    try {
      return await work(new SftpStore(client, this.options.root ?? '', lost.signal));
    } catch (error) {
      if (error instanceof FileDeliveryError) throw error;
      if (lost.signal.aborted) throw lost.signal.reason;
      if (transportError !== undefined) throw connectionErrorOf(this.endpoint, transportError);
      throw error;
    } finally {
      ending = true;
      await client.end().catch(() => undefined);
    }
  }

  private connectOptions(): SftpClient.ConnectOptions {
    const { host, port, username, privateKey, passphrase, hostKey } = this.options;
    return {
      host,
      port,
      username,
      privateKey,
      passphrase,
      tryKeyboard: false,
      readyTimeout: this.options.connectTimeoutMs ?? 10_000,
      keepaliveInterval: this.options.keepaliveIntervalMs ?? 5_000,
      keepaliveCountMax: 3,
      hostVerifier: hostKey === 'accept-any' ? undefined : hostKeyVerifier(hostKey.sha256),
    };
  }
}
