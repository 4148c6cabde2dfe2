import type { Readable } from 'node:stream';

/**
 * Where a file goes: a folder under the destination's root ('acquirer-a/outgoing', segments joined
 * by '/', '' for the root itself) and its name there. Names are plain file names; a leading dot is
 * reserved for transfers in progress, which nobody lists.
 */
export interface DeliveryTarget {
  readonly folder: string;
  readonly name: string;
}

/** The bytes to deliver: a local file, or a stream read once (a file writer's output, say). */
export type DeliverySource = { readonly path: string } | { readonly stream: Readable };

/** `already-delivered`: the same bytes were already there under that name, nothing was sent. */
export type DeliveryOutcome = 'delivered' | 'already-delivered';

export interface DeliveryReceipt extends DeliveryTarget {
  readonly outcome: DeliveryOutcome;
  readonly sizeBytes: number;
  /** SHA-256 (hex) of the bytes now under the name. */
  readonly sha256: string;
  /** How the far side's copy was checked: its size, or its bytes read back and hashed. */
  readonly verifiedBy: 'size' | 'sha256';
}

export interface DeliveredFile {
  readonly name: string;
  readonly sizeBytes: number;
  readonly modifiedAt: Date;
}

export interface FetchedFile extends DeliveryTarget {
  readonly localPath: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/**
 * The port settlement sends acquirer files through and picks statements up from. Every adapter:
 * the receiver never sees half a file under its name; a re-send of the same bytes is a no-op
 * success; different bytes under a delivered name are refused, never overwritten.
 */
export interface FileDelivery {
  /** The destination in words, for messages and logs: 'sftp://user@host:port', 'folder /srv/out'. */
  readonly destination: string;
  deliver(source: DeliverySource, target: DeliveryTarget): Promise<DeliveryReceipt>;
  /** The complete files in a folder, by name; an empty list when the folder does not exist. */
  list(folder: string): Promise<DeliveredFile[]>;
  /** Copies a delivered file to a local path (written under a temporary name, then renamed). */
  fetch(target: DeliveryTarget, localPath: string): Promise<FetchedFile>;
}
