import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { DeliveryConflictError } from '../file-delivery.errors';
import { FolderFileDelivery } from '../folder/folder-file-delivery';
import { ArchivingFileDelivery } from './archiving-file-delivery';

describe(ArchivingFileDelivery.name, () => {
  let dir: string;
  let sut: ArchivingFileDelivery;
  const target = { folder: 'acquirer-a/outgoing', name: 'TX_20261207.csv' };
  const lines = (amount: string) => ['H,ACQUIRER-A\n', `D,1,${amount},EUR\n`, 'T,1\n'];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'archiving-delivery-'));
    sut = new ArchivingFileDelivery(new FolderFileDelivery({ root: join(dir, 'bank') }), join(dir, 'archive'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the delivered bytes and their SHA-256 beside them, in sha256sum format', async () => {
    const receipt = await sut.deliver({ stream: Readable.from(lines('1000')) }, target);

    const sent = readFileSync(join(dir, 'bank', 'acquirer-a', 'outgoing', target.name));
    const kept = readFileSync(join(dir, 'archive', 'acquirer-a', 'outgoing', target.name));
    const sha256 = createHash('sha256').update(sent).digest('hex');
    expect(sent.toString()).toBe(lines('1000').join(''));
    expect(kept.equals(sent)).toBe(true);
    expect(receipt).toMatchObject({ outcome: 'delivered', sha256 });
    expect(readFileSync(join(dir, 'archive', 'acquirer-a', 'outgoing', `${target.name}.sha256`), 'utf8')).toBe(`${sha256}  ${target.name}\n`);
  });

  it('re-sends an archived file as a no-op, and refuses other bytes under its name before sending anything', async () => {
    await sut.deliver({ stream: Readable.from(lines('1000')) }, target);
    await expect(sut.deliver({ stream: Readable.from(lines('1000')) }, target)).resolves.toMatchObject({ outcome: 'already-delivered' });

    const other = sut.deliver({ stream: Readable.from(lines('9999')) }, target);
    await expect(other).rejects.toThrow(DeliveryConflictError);
    // The archive refused it: the destination was never asked.
    await expect(other).rejects.toThrow(`is already delivered to folder ${join(dir, 'archive')} with different bytes`);
    expect(readFileSync(join(dir, 'bank', 'acquirer-a', 'outgoing', target.name), 'utf8')).toBe(lines('1000').join(''));
    expect(readdirSync(join(dir, 'archive', 'acquirer-a', 'outgoing')).sort()).toEqual([target.name, `${target.name}.sha256`]);
  });
});
