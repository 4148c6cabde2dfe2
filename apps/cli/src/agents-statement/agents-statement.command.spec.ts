import { runCli } from '../cli.program';
import { OperatorApiStub } from '../settlement/testing/operator-api.server';
import { FakeCliIo } from '../testing/fake-cli-io.util';

const KEY = 'op-key-statement-7a2e';
const NODE_ID = '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';

describe('cli agents statement', () => {
  let api: OperatorApiStub;

  beforeEach(async () => {
    api = await new OperatorApiStub().start();
  });

  afterEach(() => api.stop());

  async function cli(args: string[]): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo();
    const code = await runCli(['agents', 'statement', ...args, '--url', api.url], io, { PAYMENTS_OPERATOR_KEY: KEY });
    expect(`${io.out}${io.err}`).not.toContain(KEY);
    return { code, io };
  }

  it("prints a node's statement for one day as the API answers it", async () => {
    const statement = { nodeId: NODE_ID, from: '2026-12-07', to: '2026-12-07', account: { opening: '0', closing: '34990' } };
    api.answer = { status: 200, body: statement };

    const { code, io } = await cli(['--node', NODE_ID.toUpperCase(), '--day', '2026-12-07']);

    expect([code, io.out, io.err]).toEqual([0, `${JSON.stringify(statement)}\n`, '']);
    expect(api.received).toEqual([
      expect.objectContaining({ method: 'GET', url: `/v1/agents/nodes/${NODE_ID}/statements?from=2026-12-07&to=2026-12-07`, authorization: `Bearer ${KEY}` }),
    ]);
  });

  it('asks for a range of days with --to', async () => {
    api.answer = { status: 200, body: {} };
    expect((await cli(['--node', NODE_ID, '--day', '2026-11-30', '--to', '2026-12-06'])).code).toBe(0);
    expect(api.received).toEqual([expect.objectContaining({ url: `/v1/agents/nodes/${NODE_ID}/statements?from=2026-11-30&to=2026-12-06` })]);
  });

  it("exits 1 with the API's refusal of a day not closed yet", async () => {
    api.answer = { status: 422, body: { statusCode: 422, message: 'from: day 2026-12-07 is not closed yet' } };
    const { code, io } = await cli(['--node', NODE_ID, '--day', '2026-12-07']);
    expect([code, io.out, io.err]).toEqual([1, '', 'error: 422 from: day 2026-12-07 is not closed yet\n']);
  });

  it('exits 2 without a request for a day that does not exist, a range backwards, a node that is no UUID, or no day', async () => {
    expect((await cli(['--node', NODE_ID, '--day', '2026-02-30'])).io.err).toBe(
      'error: --day must be a calendar date YYYY-MM-DD that exists, not "2026-02-30"\n',
    );
    expect((await cli(['--node', NODE_ID, '--day', '2026-12-07', '--to', '2026-12-06'])).io.err).toBe('error: --to 2026-12-06 is before --day 2026-12-07\n');
    expect((await cli(['--node', '42', '--day', '2026-12-07'])).code).toBe(2);
    expect((await cli(['--node', NODE_ID])).code).toBe(2);
    expect(api.received).toEqual([]);
  });
});
