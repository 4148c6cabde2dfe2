import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';

import { DeliveryTransferError, DeliveryVerificationError } from '../file-delivery.errors';
import { FolderStore } from '../folder/folder.store';
import type { DeliveryStore } from './delivery-store';
import { type DeliveryVerification, StoreFileDelivery } from './store-file-delivery.base';

/** A far side whose disk is full: every write fails at once, before reading anything. */
class FullStore extends FolderStore {
  override create(): Promise<void> {
    return Promise.reject(new Error('ENOSPC: no space left on device'));
  }
}

/** A far side that loses or flips bytes on the way in: what the checks after an upload are for. */
class DamagingStore extends FolderStore {
  constructor(
    root: string,
    private readonly damage: (chunk: Buffer) => Buffer,
  ) {
    super(root);
  }

  override create(path: string, data: Readable): Promise<void> {
    const damaged = new Transform({ transform: (chunk: Buffer, _encoding, done) => done(null, this.damage(chunk)) });
    return super.create(path, data.pipe(damaged));
  }
}

class DamagingDelivery extends StoreFileDelivery {
  readonly destination = 'a damaging test store';

  constructor(
    private readonly store: DeliveryStore,
    verification: DeliveryVerification,
  ) {
    super(verification);
  }

  protected withStore<T>(work: (store: DeliveryStore) => Promise<T>): Promise<T> {
    return work(this.store);
  }
}

describe(StoreFileDelivery.name, () => {
  let root: string;
  const target = { folder: 'out', name: 'TX.csv' };
  const file = () => ({ stream: Readable.from([Buffer.from('H,1\nD,1,1000\nT,1\n')]) });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'store-delivery-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses, and removes, an upload that arrived shorter than sent', async () => {
    const sut = new DamagingDelivery(new DamagingStore(root, (chunk) => chunk.subarray(1)), 'size');

    await expect(sut.deliver(file(), target)).rejects.toThrow(new DeliveryVerificationError(target, sut.destination, '16 bytes there, 17 sent'));
    expect(readdirSync(join(root, 'out'))).toEqual([]);
  });

  it('with read-back verification, refuses an upload of the right size with other bytes', async () => {
    const flip = (chunk: Buffer) => Buffer.from(chunk.toString().replace('1000', '9000'));
    const sizeOnly = new DamagingDelivery(new DamagingStore(root, flip), 'size');
    const readBack = new DamagingDelivery(new DamagingStore(root, flip), 'sha256');

    await expect(readBack.deliver(file(), target)).rejects.toThrow(DeliveryVerificationError);
    expect(readdirSync(join(root, 'out'))).toEqual([]);
    // Size alone cannot see it: why 'sha256' exists.
    await expect(sizeOnly.deliver(file(), target)).resolves.toMatchObject({ outcome: 'delivered', verifiedBy: 'size' });
  });

  it('closes a local source file when the far side refuses the write', async () => {
    const source = join(root, 'TX.csv');
    // Larger than the streams' buffers: unread, it would stay open.
    writeFileSync(source, Buffer.alloc(1024 * 1024, 'D,1,1000\n'));
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const sut = new DamagingDelivery(new FullStore(root), 'size');
    const before = openFiles();

    await expect(sut.deliver({ path: source }, target)).rejects.toThrow(DeliveryTransferError);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(openFiles()).toBe(before);
    expect(readdirSync(join(root, 'out'))).toEqual([]);
  });
});
