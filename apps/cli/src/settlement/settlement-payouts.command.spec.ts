import { runCli } from '../cli.program';
import { FakeCliIo } from '../testing/fake-cli-io.util';
import { OperatorApiStub } from './testing/operator-api.server';

const KEY = 'op-key-7f3a9c1e5b';
const FILE_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

describe('cli settlement payouts', () => {
  let api: OperatorApiStub;

  beforeEach(async () => {
    api = await new OperatorApiStub().start();
  });

  afterEach(() => api.stop());

  const cli = async (args: string[]) => {
    const io = new FakeCliIo();
    const code = await runCli(['settlement', ...args, '--url', api.url], io, { PAYMENTS_OPERATOR_KEY: KEY });
    return { code, io };
  };

  it.each<[string, string[], string, string]>([
    [
      'payouts with every filter',
      ['payouts', '--day', '2026-12-01', '--merchant', 'M0000001', '--status', 'paid_with_difference', '--limit', '5'],
      'GET',
      '/v1/settlement/payouts?businessDay=2026-12-01&merchantId=M0000001&status=paid_with_difference&limit=5',
    ],
    ['payout files by status', ['payout-files', '--status', 'failed'], 'GET', '/v1/settlement/payout-files?status=failed'],
    ['one payout file', ['payout-file', '--id', FILE_ID], 'GET', `/v1/settlement/payout-files/${FILE_ID}`],
    ['a payout file re-sent', ['resend-payout-file', '--file', FILE_ID], 'POST', `/v1/settlement/payout-files/${FILE_ID}/resend`],
  ])('%s: calls the operator API and prints its answer as one JSON line', async (_, args, method, url) => {
    api.answer = { status: 200, body: [{ payoutId: 'PO1', status: 'sent' }] };

    const { code, io } = await cli(args);

    expect(code).toBe(0);
    expect(io.out).toBe(`${JSON.stringify([{ payoutId: 'PO1', status: 'sent' }])}\n`);
    expect(api.received).toEqual([expect.objectContaining({ method, url, authorization: `Bearer ${KEY}` })]);
  });

  it.each([
    [['payouts', '--status', 'late'], '--status must be one of held, pending, sent, paid, paid_with_difference'],
    [['payouts', '--merchant', 'M-1'], '--merchant must be 1-15 letters or digits'],
    [['payout-files', '--status', 'paid'], '--status must be one of pending, delivered, failed'],
    [['resend-payout-file', '--file', 'x'], '--file must be a UUID'],
  ])('refuses %j with exit 2 before any request', async (args, message) => {
    const { code, io } = await cli(args);

    expect(code).toBe(2);
    expect(io.err).toContain(message);
    expect(api.received).toEqual([]);
  });
});
