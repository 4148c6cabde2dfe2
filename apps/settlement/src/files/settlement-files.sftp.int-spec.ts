import { readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

import { hostKeySha256Of } from '@payments/file-delivery';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { purchaseLine } from '../lines/testing/settlement-line.fixture';
import { filesStack, LATER, removeTemporaryFolders } from './testing/settlement-files.stack';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
// The OpenSSH server scripts/infra/up.sh runs; the defaults are what scripts/infra/env.sh exports.
const sshdDir = resolve(__dirname, '../../../../.infra/sshd');
const sftp = {
  host: process.env.SFTP_HOST ?? '127.0.0.1',
  port: Number(process.env.SFTP_PORT ?? 2222),
  username: process.env.SFTP_USER ?? userInfo().username,
  privateKeyPath: process.env.SFTP_PRIVATE_KEY_PATH ?? join(sshdDir, 'client_ed25519'),
  knownHostsPath: process.env.SFTP_KNOWN_HOSTS_PATH ?? join(sshdDir, 'known_hosts'),
  root: process.env.SFTP_ROOT ?? join(sshdDir, 'root'),
};

/** One closed batch's file delivered to a real OpenSSH server (sshd from Debian, SFTP only, key login, host key pinned). */
describe('settlement files over SFTP', () => {
  let scratch: ScratchSchema;
  const folder = `settlement-files-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    scratch = await openScratchSchema('postgres', { appSchema: 'settlement', migrationsDir: MIGRATIONS, url });
  });
  afterAll(async () => {
    rmSync(join(sftp.root, folder), { recursive: true, force: true });
    removeTemporaryFolders();
    await scratch?.close();
  });

  it("delivers a batch's file to the acquirer's SFTP folder, the same bytes as the archive keeps, and a re-send is a no-op there", async () => {
    const acquirerId = 'acq-sftp';
    const { knownHostsPath, root, ...server } = sftp;
    const stack = filesStack(scratch.db.connection, {
      [acquirerId]: {
        layout: 'acquirer-transactions-fixed',
        values: { acquirerId: 'SFTP01' },
        folder,
        delivery: { kind: 'sftp', ...server, hostKeySha256: hostKeySha256Of(readFileSync(knownHostsPath, 'utf8')), root: '' },
      },
    });
    await stack.lines.record([purchaseLine(acquirerId, '2026-12-01'), purchaseLine(acquirerId, '2026-12-01', { amountMinor: 99n })]);
    await stack.closeDay.execute({ acquirerId, businessDay: '2026-12-01', now: LATER });

    await stack.worker.runOnce(new Date('2026-12-02T00:05:00Z'));

    const [file] = await stack.files.list({ acquirerId }, 10);
    expect(file).toMatchObject({
      fileName: 'ACQSFTP01.20261201.000001.DAT',
      status: 'delivered',
      destination: `sftp://${server.username}@${server.host}:${server.port}`,
      written: { detailCount: 2, totals: { amount: 1349n } },
    });
    const landed = readFileSync(join(root, folder, file.fileName));
    expect(landed).toEqual(readFileSync(join(stack.filesDir, 'archive', acquirerId, folder, file.fileName)));
    expect(landed.toString('latin1')).toContain('FT000000004000000002+000000000000001349');

    await expect(stack.resend.execute(file.id, new Date('2026-12-02T08:00:00Z'))).resolves.toMatchObject({
      kind: 'sent',
      sent: { outcome: 'already-delivered', written: { sha256: file.written?.sha256 } },
    });
  });
});
