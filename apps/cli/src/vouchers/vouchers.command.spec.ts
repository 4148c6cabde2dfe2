import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../cli.program';
import { OperatorApiStub } from '../settlement/testing/operator-api.server';
import { FakeCliIo } from '../testing/fake-cli-io.util';

const KEY = 'op-key-vouchers-7e2a';

describe('cli vouchers', () => {
  let api: OperatorApiStub;
  let dir: string;

  beforeEach(async () => {
    api = await new OperatorApiStub().start();
    dir = await mkdtemp(join(tmpdir(), 'cli-vouchers-'));
  });

  afterEach(async () => {
    await api.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function cli(args: string[]): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo();
    const code = await runCli([...args, '--url', api.url], io, { PAYMENTS_OPERATOR_KEY: KEY });
    expect(`${io.out}${io.err}`).not.toContain(KEY);
    return { code, io };
  }

  it("prints a provider's stock as the API answers it", async () => {
    const stock = [{ providerId: 'topup-cz', denomination: '1000', currency: 'EUR', available: 2, low: true }];
    api.answer = { status: 200, body: stock };
    const { code, io } = await cli(['vouchers', 'stock', '--provider', 'topup-cz']);
    expect([code, io.out]).toEqual([0, `${JSON.stringify(stock)}\n`]);
    expect(api.received).toEqual([
      expect.objectContaining({ method: 'GET', url: '/v1/agents/voucher-stock?providerId=topup-cz', authorization: `Bearer ${KEY}` }),
    ]);
  });

  it('imports a CSV file under an id derived from the file and the options: a re-run is the same import', async () => {
    const file = join(dir, 'batch.csv');
    await writeFile(file, 'serial,code\nS-1,ZXCV-0001\n');
    api.answer = { status: 201, body: { voucherCount: 1 } };
    const args = ['vouchers', 'import', '--provider', 'topup-cz', '--denomination', '1000', '--currency', 'EUR', '--csv-file', file];
    expect((await cli(args)).code).toBe(0);
    expect((await cli(args)).code).toBe(0);
    const [first, second] = api.received.map((r) => JSON.parse(r.body.toString('utf8')) as Record<string, unknown>);
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      providerId: 'topup-cz',
      denomination: 1000,
      currency: 'EUR',
      csv: 'serial,code\nS-1,ZXCV-0001\n',
    });
    expect(second.id).toBe(first.id);
    expect(api.received[0]).toMatchObject({ method: 'POST', url: '/v1/agents/voucher-batches', contentType: 'application/json' });
  });

  it('exits 2 without a request for a bad option or an unreadable file', async () => {
    const bad = await cli(['vouchers', 'import', '--provider', 'topup-cz', '--denomination', '10.5', '--currency', 'EUR', '--csv-file', join(dir, 'none.csv')]);
    expect([bad.code, bad.io.err]).toEqual([2, 'error: --denomination must be a whole number of minor units from 1, not "10.5"\n']);
    const missing = await cli([
      'vouchers',
      'import',
      '--provider',
      'topup-cz',
      '--denomination',
      '10',
      '--currency',
      'EUR',
      '--csv-file',
      join(dir, 'none.csv'),
    ]);
    expect([missing.code, missing.io.err]).toEqual([2, `error: cannot read --csv-file ${join(dir, 'none.csv')} (ENOENT)\n`]);
    expect((await cli(['vouchers', 'stock', '--provider', 'top up'])).code).toBe(2);
    expect(api.received).toEqual([]);
  });
});
