import { runCli } from '../cli.program';
import { OperatorApiStub } from '../settlement/testing/operator-api.server';
import { FakeCliIo } from '../testing/fake-cli-io.util';

const KEY = 'op-key-agents-5c1d';
const NODE_ID = '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';

describe('cli ledger and agents', () => {
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

  it("prints a node's balance as the API answers it, asked with the operator key", async () => {
    const node = { id: NODE_ID, balance: { posted: { debits: '2500', credits: '10000' }, creditLimit: '500', available: '8000' } };
    api.answer = { status: 200, body: node };

    const { code, io } = await cli(['ledger', 'balance', '--account', NODE_ID.toUpperCase()]);

    expect([code, io.out, io.err]).toEqual([0, `${JSON.stringify(node)}\n`, '']);
    expect(api.received).toEqual([expect.objectContaining({ method: 'GET', url: `/v1/agents/nodes/${NODE_ID}`, authorization: `Bearer ${KEY}` })]);
  });

  it('prints the subtree of a root', async () => {
    api.answer = { status: 200, body: [{ depth: 0, id: NODE_ID }] };
    const { code } = await cli(['agents', 'tree', '--root', NODE_ID]);
    expect(code).toBe(0);
    expect(api.received).toEqual([expect.objectContaining({ method: 'GET', url: `/v1/agents/nodes/${NODE_ID}/tree` })]);
  });

  it("exits 1 with the API's answer on one line for an unknown node", async () => {
    api.answer = { status: 404, body: { statusCode: 404, message: `id: no node ${NODE_ID}` } };
    const { code, io } = await cli(['ledger', 'balance', '--account', NODE_ID]);
    expect([code, io.out, io.err]).toEqual([1, '', `error: 404 id: no node ${NODE_ID}\n`]);
  });

  it('exits 2 without a request for an account that is no UUID, or none', async () => {
    const bad = await cli(['ledger', 'balance', '--account', '42']);
    expect([bad.code, bad.io.err]).toEqual([2, 'error: --account must be a UUID (as the API lists it), not "42"\n']);
    expect((await cli(['agents', 'tree'])).code).toBe(2);
    expect(api.received).toEqual([]);
  });
});
