import { runCli } from '../cli.program';
import { OperatorApiStub } from '../settlement/testing/operator-api.server';
import { FakeCliIo } from '../testing/fake-cli-io.util';

const KEY = 'op-key-registries-77a1';

describe('cli agents registry', () => {
  let api: OperatorApiStub;

  beforeEach(async () => {
    api = await new OperatorApiStub().start();
  });

  afterEach(() => api.stop());

  async function cli(args: string[]): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo();
    const code = await runCli([...args, '--url', api.url], io, { PAYMENTS_OPERATOR_KEY: KEY });
    expect(`${io.out}${io.err}`).not.toContain(KEY);
    return { code, io };
  }

  it("makes a payee's registry of a day and prints the API's answer", async () => {
    const registry = { payeeId: 'mobile-topup', day: '2026-12-08', lineCount: 3, delivery: { status: 'delivered' } };
    api.answer = { status: 201, body: registry };

    const { code, io } = await cli(['agents', 'registry', 'make', '--payee', 'mobile-topup', '--day', '2026-12-08']);

    expect([code, io.out, io.err]).toEqual([0, `${JSON.stringify(registry)}\n`, '']);
    expect(api.received).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/v1/agents/payees/mobile-topup/registries',
        authorization: `Bearer ${KEY}`,
        contentType: 'application/json',
        body: Buffer.from('{"day":"2026-12-08"}'),
      }),
    ]);
  });

  it('lists from a day, and prints the signing key', async () => {
    expect((await cli(['agents', 'registry', 'list', '--payee', 'water', '--from', '2026-12-01'])).code).toBe(0);
    expect((await cli(['agents', 'registry', 'key'])).code).toBe(0);
    expect(api.received.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/v1/agents/payees/water/registries?from=2026-12-01'],
      ['GET', '/v1/agents/registries/signing-key'],
    ]);
  });

  it("exits 1 with the API's refusal on one line", async () => {
    api.answer = { status: 409, body: { statusCode: 409, message: 'registry R of payee water for 2026-12-08 was recorded with 1 payments' } };
    const { code, io } = await cli(['agents', 'registry', 'make', '--payee', 'water', '--day', '2026-12-08']);
    expect([code, io.err]).toEqual([1, 'error: 409 registry R of payee water for 2026-12-08 was recorded with 1 payments\n']);
  });

  it('exits 2 without a request for a day that does not exist, a bad payee id, or none', async () => {
    const badDay = await cli(['agents', 'registry', 'make', '--payee', 'water', '--day', '2026-02-30']);
    expect([badDay.code, badDay.io.err]).toEqual([2, 'error: --day must be a calendar date YYYY-MM-DD that exists, not "2026-02-30"\n']);
    expect((await cli(['agents', 'registry', 'make', '--payee', '../x', '--day', '2026-12-08'])).code).toBe(2);
    expect((await cli(['agents', 'registry', 'list'])).code).toBe(2);
    expect(api.received).toEqual([]);
  });
});
