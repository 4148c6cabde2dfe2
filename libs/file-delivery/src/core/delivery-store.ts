import type { Readable } from 'node:stream';

export interface StoredEntry {
  readonly name: string;
  readonly isFile: boolean;
  readonly sizeBytes: number;
  readonly modifiedAt: Date;
}

/**
 * What one adapter session can do on the far side, in paths relative to its root ('a/b/name').
 * The delivery rules (temporary name, verification, no overwrite, re-send) are written once on top
 * of it, in StoreFileDelivery.
 */
export interface DeliveryStore {
  /** The size of the regular file at path; null when nothing is there. */
  sizeOf(path: string): Promise<number | null>;
  read(path: string): Readable;
  /** Creates a new file (failing if one exists) and resolves once the far side holds every byte. */
  create(path: string, data: Readable): Promise<void>;
  /** Renames without replacing: false, and nothing moved, when `to` already exists. */
  renameNoReplace(from: string, to: string): Promise<boolean>;
  /** Removes a file; no error when it is already gone. */
  remove(path: string): Promise<void>;
  ensureFolder(folder: string): Promise<void>;
  /** The folder's entries; empty when it does not exist. */
  list(folder: string): Promise<StoredEntry[]>;
}
