import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { type AgentsBillingProcess, startAgentsBillingProcess } from '../chaos/agents-billing.process';
import { agentsOperatorApi } from '../support/agents-operator.client';
import { OPERATOR_KEY, TEST_SERVICE_ENV } from '../support/platform-under-test';
import { repoRoot } from '../support/repo-root.util';

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Statements and netting through the operator API and the CLI of the distributed agents-billing
 * process (from dist/, a database of its own). The days with business are today's, not closed yet;
 * the statements' arithmetic on closed days is the int spec's (apps/agents-billing/src/netting).
 */
describe('agents statements and netting (distributed)', () => {
  let service: AgentsBillingProcess;
  const today = dayOf(Date.now());
  const yesterday = dayOf(Date.now() - 86_400_000 - 600_000); // closed, even in the first minutes of today

  beforeAll(async () => {
    const root = repoRoot();
    service = await startAgentsBillingProcess({ root, env: { ...process.env, ...TEST_SERVICE_ENV }, logDir: join(root, '.infra/logs/agents-statements') });
  }, 90_000);

  afterAll(async () => {
    await service?.stop();
  }, 60_000);

  const api = agentsOperatorApi(() => service.url);
  const cli = (args: string[]): Promise<{ status: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const env = { ...process.env, PAYMENTS_OPERATOR_URL: service.url, PAYMENTS_OPERATOR_KEY: OPERATOR_KEY };
      execFile('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: repoRoot(), env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ status: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
      });
    });

  it("serves a node's statement for a closed day, balanced, and refuses a day not closed or not a day, naming the field", async () => {
    const dealer = await api('POST', '/dealers', { name: 'Dealer West', currency: 'EUR', creditLimit: 50_000 });
    const agent = await api('POST', `/nodes/${String(dealer.body.id)}/children`, { name: 'Kiosk 7' });
    expect([dealer.status, agent.status]).toEqual([201, 201]);
    const agentId = String(agent.body.id);
    expect((await api('POST', `/nodes/${agentId}/fundings`, { id: randomUUID(), amount: 10_000 })).status).toBe(201);

    const closed = await api('GET', `/nodes/${agentId}/statements?from=${yesterday}`);
    expect([closed.status, closed.body]).toEqual([
      200,
      expect.objectContaining({
        nodeId: agentId,
        from: yesterday,
        to: yesterday,
        account: expect.objectContaining({ opening: '0', closing: '0', movements: expect.objectContaining({ fundingsReceived: '0', payments: '0' }) }),
        commissionAccount: expect.objectContaining({ opening: '0', closing: '0' }),
        settlements: [],
      }),
    ]);

    const open = await api('GET', `/nodes/${agentId}/statements?from=${yesterday}&to=${today}`);
    expect([open.status, open.body.message]).toEqual([422, `to: day ${today} is not closed yet (a UTC day closes 5 minutes after its end)`]);
    const notADay = await api('GET', `/nodes/${agentId}/statements?from=2026-02-30`);
    expect([notADay.status, String(notADay.body.message)]).toEqual([400, expect.stringContaining('from: from must be a UTC day, YYYY-MM-DD')]);
    const backwards = await api('GET', `/nodes/${agentId}/statements?from=${yesterday}&to=2020-01-01`);
    expect([backwards.status, backwards.body.message]).toEqual([400, `to: 2020-01-01 is before from ${yesterday}`]);
    expect((await api('GET', `/nodes/${randomUUID()}/statements?from=${yesterday}`)).status).toBe(404);

    const printed = await cli(['agents', 'statement', '--node', agentId, '--day', yesterday]);
    expect([printed.status, printed.stderr]).toEqual([0, '']);
    expect(JSON.parse(printed.stdout)).toEqual(closed.body);
  }, 120_000);

  it('nets a closed day on request, again with the same answer, and refuses today', async () => {
    const first = await api('POST', `/netting/days/${yesterday}`);
    const again = await api('POST', `/netting/days/${yesterday}`);
    expect([first.status, first.body]).toEqual([200, { day: yesterday, settlements: [] }]);
    expect(again.body).toEqual(first.body);
    expect((await api('GET', `/netting/days/${yesterday}`)).body).toEqual({ day: yesterday, settlements: [] });
    const todays = await api('POST', `/netting/days/${today}`);
    expect([todays.status, todays.body.message]).toEqual([422, `day: day ${today} is not closed yet (a UTC day closes 5 minutes after its end)`]);
  });
});
