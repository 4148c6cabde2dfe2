import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { DeliveryStore, StoredEntry } from '../core/delivery-store';

function errorCodeOf(error: unknown): unknown {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A local folder as the far side; paths are relative to root. */
export class FolderStore implements DeliveryStore {
  constructor(private readonly root: string) {}

  async sizeOf(path: string): Promise<number | null> {
    try {
      return (await stat(this.localPathOf(path))).size;
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return null;
      throw error;
    }
  }

  read(path: string): Readable {
    return createReadStream(this.localPathOf(path));
  }

  async create(path: string, data: Readable): Promise<void> {
    // 'wx': never over an existing file; flush: on disk before the rename makes it visible.
    await pipeline(data, createWriteStream(this.localPathOf(path), { flags: 'wx', flush: true }));
  }

  async renameNoReplace(from: string, to: string): Promise<boolean> {
    // rename(2) replaces silently; link(2) fails with EEXIST instead, atomically.
    try {
      await link(this.localPathOf(from), this.localPathOf(to));
    } catch (error) {
      if (errorCodeOf(error) === 'EEXIST') return false;
      throw error;
    }
    await unlink(this.localPathOf(from));
    return true;
  }

  async remove(path: string): Promise<void> {
    await rm(this.localPathOf(path), { force: true });
  }

  async ensureFolder(folder: string): Promise<void> {
    await mkdir(this.localPathOf(folder), { recursive: true });
  }

  async list(folder: string): Promise<StoredEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.localPathOf(folder));
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return [];
      throw error;
    }
    return Promise.all(
      names.map(async (name) => {
        const info = await stat(join(this.localPathOf(folder), name));
        return { name, isFile: info.isFile(), sizeBytes: info.size, modifiedAt: new Date(info.mtimeMs) };
      }),
    );
  }

  /** Where a relative path (a/b/name) is on this machine. */
  localPathOf(path: string): string {
    return join(this.root, ...path.split('/'));
  }
}
