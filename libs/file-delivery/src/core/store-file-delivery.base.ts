import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

import { DeliveredFileNotFoundError, DeliveryConflictError, DeliveryTransferError, DeliveryVerificationError } from '../file-delivery.errors';
import type { DeliveredFile, DeliveryReceipt, DeliverySource, DeliveryTarget, FetchedFile, FileDelivery } from '../file-delivery.port';
import { assertFolder, deliveryPathOf, isDeliveredName, transferPathOf } from './delivery-path.util';
import type { DeliveryStore } from './delivery-store';
import { type Digest, DigestStream, digestOf, openSource, sameDigest } from './sha256.util';

/** 'size': the far side's size is compared after the upload; 'sha256': its bytes are also read back and hashed. */
export type DeliveryVerification = 'size' | 'sha256';

/**
 * The delivery rules, once for every adapter: upload under a hidden temporary name, check what
 * arrived, then rename without replacing, so a receiver sees the whole file or nothing. A name that
 * is taken is compared (size, then SHA-256): the same bytes are a no-op success, others a conflict.
 */
export abstract class StoreFileDelivery implements FileDelivery {
  abstract readonly destination: string;

  protected constructor(private readonly verification: DeliveryVerification) {}

  /** Runs work against one session of the far side (a connection, for a remote adapter). */
  protected abstract withStore<T>(work: (store: DeliveryStore) => Promise<T>): Promise<T>;

  async deliver(source: DeliverySource, target: DeliveryTarget): Promise<DeliveryReceipt> {
    const path = deliveryPathOf(target);
    try {
      return await this.withStore(async (store) => {
        const there = await store.sizeOf(path);
        if (there !== null) return this.compareResend(store, target, there, await digestOf(openSource(source)));
        await store.ensureFolder(target.folder);
        return this.transfer(store, source, target);
      });
    } finally {
      // A stream source is read once, whatever happened; one left half-read would hold its producer.
      if ('stream' in source && !source.stream.readableEnded) source.stream.destroy();
    }
  }

  async list(folder: string): Promise<DeliveredFile[]> {
    assertFolder(folder);
    const entries = await this.withStore((store) => store.list(folder));
    return entries
      .filter((entry) => entry.isFile && isDeliveredName(entry.name))
      .map(({ name, sizeBytes, modifiedAt }) => ({ name, sizeBytes, modifiedAt }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async fetch(target: DeliveryTarget, localPath: string): Promise<FetchedFile> {
    const path = deliveryPathOf(target);
    return this.withStore(async (store) => {
      if ((await store.sizeOf(path)) === null) throw new DeliveredFileNotFoundError(target, this.destination);
      const partial = `${localPath}.${randomBytes(6).toString('hex')}.part`;
      const digest = new DigestStream();
      try {
        await pipeline(store.read(path), digest, createWriteStream(partial, { flags: 'wx' }));
        await rename(partial, localPath);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { ...target, localPath, ...digest.digest() };
    });
  }

  private async transfer(store: DeliveryStore, source: DeliverySource, target: DeliveryTarget): Promise<DeliveryReceipt> {
    const partial = transferPathOf(target);
    const digest = new DigestStream();
    const input = openSource(source);
    input.once('error', (error) => digest.destroy(error));
    let renamed = false;
    try {
      try {
        await store.create(partial, input.pipe(digest));
      } catch (error) {
        throw new DeliveryTransferError(target, this.destination, error);
      }
      const sent = digest.digest();
      await this.verify(store, partial, target, sent);
      renamed = await store.renameNoReplace(partial, deliveryPathOf(target));
      if (renamed) return { ...target, outcome: 'delivered', ...sent, verifiedBy: this.verification };
      // Another sender took the name between our check and our rename: judge it like a re-send.
      const there = (await store.sizeOf(deliveryPathOf(target))) ?? 0;
      return await this.compareResend(store, target, there, sent);
    } finally {
      // A failed write unpipes the source without closing it (an open file, a paused generator).
      if (!input.readableEnded) input.destroy();
      if (!renamed) await store.remove(partial).catch(() => undefined);
    }
  }

  private async verify(store: DeliveryStore, partial: string, target: DeliveryTarget, sent: Digest): Promise<void> {
    const size = await store.sizeOf(partial);
    if (size !== sent.sizeBytes) {
      throw new DeliveryVerificationError(target, this.destination, `${size ?? 0} bytes there, ${sent.sizeBytes} sent`);
    }
    if (this.verification === 'sha256') {
      const back = await digestOf(store.read(partial));
      if (!sameDigest(back, sent)) throw new DeliveryVerificationError(target, this.destination, `sha256 ${back.sha256} read back, ${sent.sha256} sent`);
    }
  }

  private async compareResend(store: DeliveryStore, target: DeliveryTarget, thereSize: number, sent: Digest): Promise<DeliveryReceipt> {
    if (thereSize !== sent.sizeBytes) throw new DeliveryConflictError(target, this.destination, { sizeBytes: thereSize }, sent);
    const there = await digestOf(store.read(deliveryPathOf(target)));
    if (!sameDigest(there, sent)) throw new DeliveryConflictError(target, this.destination, there, sent);
    return { ...target, outcome: 'already-delivered', ...sent, verifiedBy: 'sha256' };
  }
}
