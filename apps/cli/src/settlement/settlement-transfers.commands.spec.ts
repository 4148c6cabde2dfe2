import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../cli.program';
import { FakeCliIo } from '../testing/fake-cli-io.util';
import { OperatorApiStub } from './testing/operator-api.server';

const KEY = 'op-key-7f3a9c1e5b';

describe('cli settlement transfers', () => {
  let api: OperatorApiStub;

  beforeEach(async () => {
    api = await new OperatorApiStub().start();
  });

  afterEach(() => api.stop());

  async function cli(args: string[]): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo();
    const code = await runCli(['settlement', ...args, '--url', api.url], io, { PAYMENTS_OPERATOR_KEY: KEY });
    return { code, io };
  }

  it("uploads an acquirer's transfer file as its bytes, named, and prints the transfer", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'settlement-cli-')), 'TRF_acq-cz_20261202_0001.csv');
    writeFileSync(file, 'H;acq-cz;TRF-1;2026-12-02;EUR;0.00;2026-12-02T06:00:00Z;1\r\nT;0;0.00;0.00;x\r\n');
    api.answer = { status: 200, body: { id: 't-1', receipt: 'awaited' } };

    const { code, io } = await cli(['import-transfer-file', '--acquirer', 'acq-cz', '--file', file]);

    expect(code).toBe(0);
    expect(io.out).toBe('{"id":"t-1","receipt":"awaited"}\n');
    const [received] = api.received;
    expect(received).toMatchObject({
      method: 'POST',
      url: '/v1/settlement/acquirers/acq-cz/transfer-files?fileName=TRF_acq-cz_20261202_0001.csv',
      contentType: 'text/csv',
    });
    expect(received.body.toString('utf8')).toBe('H;acq-cz;TRF-1;2026-12-02;EUR;0.00;2026-12-02T06:00:00Z;1\r\nT;0;0.00;0.00;x\r\n');
  });

  it('reads the merchant funding with every filter', async () => {
    api.answer = { status: 200, body: [] };

    const { code } = await cli(['merchant-funding', '--acquirer', 'acq-cz', '--day', '2026-12-01', '--merchant', 'SHOP1', '--status', 'late', '--limit', '20']);

    expect(code).toBe(0);
    expect(api.received).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/v1/settlement/merchant-funding?acquirerId=acq-cz&businessDay=2026-12-01&merchantId=SHOP1&status=late&limit=20',
      }),
    ]);
  });

  it.each<[string, string[], string]>([
    ['an unknown funding status', ['merchant-funding', '--status', 'overdue'], '--status must be one of paid, short, late, pending, not "overdue"'],
    ['a merchant id with a space', ['merchant-funding', '--merchant', 'SHOP 1'], '--merchant must be 1-64 letters'],
    ['a missing file', ['import-transfer-file', '--acquirer', 'acq-cz', '--file', '/nonexistent/TRF.csv'], 'cannot read --file /nonexistent/TRF.csv'],
  ])('refuses %s with exit 2 before any request', async (_case, args, message) => {
    const { code, io } = await cli(args);

    expect(code).toBe(2);
    expect(io.err).toContain(message);
    expect(api.received).toEqual([]);
  });
});
