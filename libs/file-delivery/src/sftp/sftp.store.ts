import { addAbortSignal, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type SftpClient from 'ssh2-sftp-client';

import type { DeliveryStore, StoredEntry } from '../core/delivery-store';
import { ChunkCoalescer } from './chunk.coalescer';

// Under OpenSSH's 256 KiB packet limit, so one block is one WRITE request.
const writeBlockBytes = 192 * 1024;

/** One SFTP session as the far side; paths are relative to root ('' = where the session starts). */
export class SftpStore implements DeliveryStore {
  constructor(
    private readonly client: SftpClient,
    private readonly root: string,
    /** Aborted when the connection dies: streams in flight fail with its reason instead of hanging. */
    private readonly lost: AbortSignal,
  ) {}

  async sizeOf(path: string): Promise<number | null> {
    // ssh2-sftp-client's exists(): false when nothing is there, without mapping error codes ourselves.
    if (!(await this.client.exists(this.remote(path)))) return null;
    return (await this.client.stat(this.remote(path))).size;
  }

  read(path: string): Readable {
    return addAbortSignal(this.lost, this.client.createReadStream(this.remote(path)));
  }

  async create(path: string, data: Readable): Promise<void> {
    // 'wx' is SSH_FXF_CREAT | SSH_FXF_EXCL: never over an existing file.
    try {
      await pipeline(data, new ChunkCoalescer(writeBlockBytes), this.client.createWriteStream(this.remote(path), { flags: 'wx' }), { signal: this.lost });
    } catch (error) {
      throw this.lost.aborted ? this.lost.reason : error;
    }
  }

  async renameNoReplace(from: string, to: string): Promise<boolean> {
    // SFTP v3 rename (not posix-rename@openssh.com) fails when the target exists: OpenSSH's
    // sftp-server links the new name and unlinks the old one. The status is a bare "Failure", so
    // a failed rename is read as "taken" only when the target is indeed there.
    try {
      await this.client.rename(this.remote(from), this.remote(to));
      return true;
    } catch (error) {
      if ((await this.sizeOf(to)) !== null) return false;
      throw error;
    }
  }

  async remove(path: string): Promise<void> {
    await this.client.delete(this.remote(path), true);
  }

  /**
   * Makes the folder when it is missing. Another sender may make it between the check and the
   * mkdir (the server then refuses the mkdir): a folder that exists afterwards is what was asked.
   */
  async ensureFolder(folder: string): Promise<void> {
    if (folder === '') return;
    const path = this.remote(folder);
    if (await this.client.exists(path)) return;
    try {
      await this.client.mkdir(path, true);
    } catch (error) {
      if ((await this.client.exists(path)) !== 'd') throw error;
    }
  }

  async list(folder: string): Promise<StoredEntry[]> {
    if (!(await this.client.exists(this.remote(folder)))) return [];
    const entries = await this.client.list(this.remote(folder));
    return entries.map((entry) => ({ name: entry.name, isFile: entry.type === '-', sizeBytes: entry.size, modifiedAt: new Date(entry.modifyTime) }));
  }

  private remote(path: string): string {
    if (this.root === '') return path === '' ? '.' : path;
    return path === '' ? this.root : `${this.root}/${path}`;
  }
}
