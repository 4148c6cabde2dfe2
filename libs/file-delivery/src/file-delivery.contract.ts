import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { DeliveredFileNotFoundError, DeliveryConflictError, DeliveryTransferError, InvalidDeliveryNameError } from './file-delivery.errors';
import type { FileDelivery } from './file-delivery.port';

export interface FileDeliveryFixture {
  readonly sut: FileDelivery;
  /** Where delivered files land on this machine (the folder adapter's root, the test sshd's SFTP_ROOT). */
  readonly landedRoot: string;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A settlement-like file: header, n records, trailer; about 60 bytes a line. */
function* transactionLines(count: number): Generator<Buffer> {
  yield Buffer.from('H,ACQUIRER-A,20261207\n');
  for (let i = 1; i <= count; i++) yield Buffer.from(`D,${String(i).padStart(8, '0')},TERM0001,PURCHASE,${1000 + i},EUR\n`);
  yield Buffer.from(`T,${count}\n`);
}

/** Yields some bytes, then fails: a generator that dies half-way through a file. */
async function* failingMidway(): AsyncGenerator<Buffer> {
  yield Buffer.alloc(256 * 1024, 'x');
  await new Promise((resolve) => setTimeout(resolve, 20));
  throw new Error('layout writer failed at record 4711');
}

/** The behaviour every FileDelivery passes: the folder adapter in the unit tier, SFTP against a real sshd in the int tier. */
export function describeFileDeliveryContract(open: () => FileDeliveryFixture): void {
  describe('FileDelivery contract', () => {
    let sut: FileDelivery;
    let landedRoot: string;
    let local: string;
    let folder: string;
    const landed = (...names: string[]) => join(landedRoot, folder, ...names);
    const localFile = (name: string, content: string | Buffer) => {
      const path = join(local, name);
      writeFileSync(path, content);
      return path;
    };

    beforeEach(() => {
      ({ sut, landedRoot } = open());
      local = mkdtempSync(join(tmpdir(), 'file-delivery-'));
      folder = `contract-${randomUUID()}/outgoing`;
    });
    afterEach(() => {
      rmSync(local, { recursive: true, force: true });
      rmSync(join(landedRoot, folder.split('/')[0]), { recursive: true, force: true });
    });

    it('delivers a local file byte for byte under its name, and lists it', async () => {
      const content = Buffer.concat([...transactionLines(100)]);
      const receipt = await sut.deliver({ path: localFile('batch.csv', content) }, { folder, name: 'TX_20261207_001.csv' });

      expect(receipt).toMatchObject({ outcome: 'delivered', name: 'TX_20261207_001.csv', sizeBytes: content.length, sha256: sha256(content) });
      expect(readFileSync(landed('TX_20261207_001.csv')).equals(content)).toBe(true);
      expect(readdirSync(landed())).toEqual(['TX_20261207_001.csv']);
      expect(await sut.list(folder)).toEqual([{ name: 'TX_20261207_001.csv', sizeBytes: content.length, modifiedAt: expect.any(Date) }]);
    });

    it('delivers a stream as it is generated (here 20,000 records, never held whole)', async () => {
      const receipt = await sut.deliver({ stream: Readable.from(transactionLines(20_000)) }, { folder, name: 'TX_20261207_002.csv' });

      const arrived = readFileSync(landed('TX_20261207_002.csv'));
      expect(arrived.toString().split('\n')).toHaveLength(20_003);
      expect(receipt).toMatchObject({ outcome: 'delivered', sizeBytes: arrived.length, sha256: sha256(arrived) });
    });

    it('takes a re-send of the same bytes as a success that changes nothing', async () => {
      const content = Buffer.concat([...transactionLines(10)]);
      await sut.deliver({ path: localFile('a.csv', content) }, { folder, name: 'TX.csv' });

      const again = await sut.deliver({ stream: Readable.from([content]) }, { folder, name: 'TX.csv' });

      expect(again).toMatchObject({ outcome: 'already-delivered', sizeBytes: content.length, sha256: sha256(content), verifiedBy: 'sha256' });
      expect(readdirSync(landed())).toEqual(['TX.csv']);
    });

    it('refuses other bytes under a delivered name, naming the file, and keeps the first', async () => {
      const first = 'H,ACQUIRER-A\nD,1,1000\nT,1\n';
      await sut.deliver({ path: localFile('first.csv', first) }, { folder, name: 'TX.csv' });

      const sameSize = first.replace('1000', '1001');
      for (const other of [sameSize, `${first}D,2,5\n`]) {
        const attempt = sut.deliver({ path: localFile('other.csv', other) }, { folder, name: 'TX.csv' });
        await expect(attempt).rejects.toThrow(DeliveryConflictError);
        await expect(attempt).rejects.toThrow(`${folder}/TX.csv is already delivered to ${sut.destination} with different bytes`);
      }
      expect(readFileSync(landed('TX.csv'), 'utf8')).toBe(first);
      expect(readdirSync(landed())).toEqual(['TX.csv']);
    });

    it('lets one of two senders racing for a name win, and refuses the other instead of overwriting', async () => {
      const files = ['D,1,1000\n', 'D,1,2000\n'].map((line) => Buffer.concat([...transactionLines(2_000), Buffer.from(line)]));

      const outcomes = await Promise.allSettled(files.map((bytes) => sut.deliver({ stream: Readable.from([bytes]) }, { folder, name: 'TX.csv' })));

      const won = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(outcomes[1 - won]).toMatchObject({ status: 'rejected', reason: expect.any(DeliveryConflictError) });
      expect(readFileSync(landed('TX.csv')).equals(files[won])).toBe(true);
      expect(readdirSync(landed())).toEqual(['TX.csv']);
    });

    it('leaves nothing under the name, and no leftover, when the source fails mid-way; a retry then delivers', async () => {
      const attempt = sut.deliver({ stream: Readable.from(failingMidway()) }, { folder, name: 'TX.csv' });

      await expect(attempt).rejects.toThrow(DeliveryTransferError);
      await expect(attempt).rejects.toThrow(`${folder}/TX.csv was not delivered to ${sut.destination}: layout writer failed at record 4711`);
      expect(readdirSync(landed())).toEqual([]);
      expect(await sut.list(folder)).toEqual([]);

      await expect(sut.deliver({ stream: Readable.from(transactionLines(5)) }, { folder, name: 'TX.csv' })).resolves.toMatchObject({ outcome: 'delivered' });
    });

    it('fetches a delivered file to a local path, with its size and SHA-256', async () => {
      const content = Buffer.concat([...transactionLines(500)]);
      await sut.deliver({ path: localFile('sent.csv', content) }, { folder, name: 'camt053_20261207.xml' });

      const fetched = await sut.fetch({ folder, name: 'camt053_20261207.xml' }, join(local, 'received.xml'));

      expect(fetched).toMatchObject({ localPath: join(local, 'received.xml'), sizeBytes: content.length, sha256: sha256(content) });
      expect(readFileSync(join(local, 'received.xml')).equals(content)).toBe(true);
      expect(readdirSync(local).sort()).toEqual(['received.xml', 'sent.csv']);
    });

    it('says which file is missing when asked for one that is not there', async () => {
      await expect(sut.fetch({ folder, name: 'MT940_20261207.sta' }, join(local, 'x'))).rejects.toThrow(
        new DeliveredFileNotFoundError({ folder, name: 'MT940_20261207.sta' }, sut.destination),
      );
      expect(readdirSync(local)).toEqual([]);
    });

    it('lists an unknown folder as empty, and never a transfer in progress', async () => {
      expect(await sut.list(`${folder}/nothing-here`)).toEqual([]);
      await sut.deliver({ stream: Readable.from(['T,0\n']) }, { folder, name: 'b.csv' });
      await sut.deliver({ stream: Readable.from(['T,0\n']) }, { folder, name: 'a.csv' });
      writeFileSync(landed('.c.csv.0a1b2c.part'), 'half a fi');

      expect((await sut.list(folder)).map((file) => file.name)).toEqual(['a.csv', 'b.csv']);
    });

    it.each([
      ['a name with a folder in it', { folder: 'outgoing', name: 'a/b.csv' }],
      ['a way out of the root', { folder: '../elsewhere', name: 'b.csv' }],
      ['an absolute folder', { folder: '/etc', name: 'b.csv' }],
      ['a hidden name', { folder: 'outgoing', name: '.b.csv' }],
    ])('refuses %s before touching anything', async (_case, target) => {
      await expect(sut.deliver({ path: localFile('x.csv', 'x') }, target)).rejects.toThrow(InvalidDeliveryNameError);
    });
  });
}
