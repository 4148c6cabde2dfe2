import { execFile } from 'node:child_process';

import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { RegisterClient, TERMINAL_KEY } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

const MINUTE = 60_000;

interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The operators' settlement CLI against the embedded platform: a purchase, the day closed and its
 * trial balance read with `npm run --silent cli -- settlement ...`, as an operator does. The
 * default acquirer's cut-off is set a minute or two ahead and waited for on the wall clock.
 */
describe('settlement CLI end to end (embedded mode)', () => {
  const cutOffAt = Math.ceil((Date.now() + 50_000) / MINUTE) * MINUTE;
  const cutOff = new Date(cutOffAt).toISOString().slice(11, 16);
  const day = new Date(cutOffAt - 1).toISOString().slice(0, 10);
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startEmbedded({ env: { SETTLEMENT_CUT_OFFS: JSON.stringify({ default: `${cutOff} UTC` }) } });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const settlementCli = (args: string[], key = OPERATOR_KEY): Promise<CliRun> =>
    new Promise((resolve) => {
      const env = { ...process.env, PAYMENTS_OPERATOR_URL: platform.settlementUrl, PAYMENTS_OPERATOR_KEY: key };
      execFile('npm', ['run', '--silent', 'cli', '--', 'settlement', ...args], { cwd: repoRoot(), env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ status: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
      });
    });

  it('closes the day and reads its trial balance, one JSON line each; refusals are one error line', async () => {
    const register = new RegisterClient(platform.gatewayUrl, TERMINAL_KEY);
    const purchase = await register.post('/v1/purchases', { amount: 4000, currency: 'EUR', card: register.card('4242424242424242') });
    expect(purchase.body).toMatchObject({ status: 'approved' });

    expect(await settlementCli(['close-day', '--acquirer', 'default', '--day', day])).toEqual({
      status: 1,
      stdout: '',
      stderr: `error: 422 businessDay: ${day} of acquirer "default" has not ended: it ends at ${new Date(cutOffAt).toISOString()} (cut-off ${cutOff} UTC)\n`,
    });
    expect(await settlementCli(['batches'], 'not-the-key')).toEqual({ status: 1, stdout: '', stderr: 'error: 401 unknown operator key\n' });

    await new Promise((resolve) => setTimeout(resolve, cutOffAt - Date.now() + 200));
    const closed = await settlementCli(['close-day', '--acquirer', 'default', '--day', day]);

    expect(closed).toMatchObject({ status: 0, stderr: '' });
    expect(closed.stdout.trimEnd()).not.toContain('\n');
    expect(JSON.parse(closed.stdout)).toMatchObject({
      acquirerId: 'default',
      businessDay: day,
      lineCount: 1,
      currencies: [{ currency: 'EUR', netMinor: '4000' }],
    });

    const balance = await settlementCli(['trial-balance', '--from', day, '--to', day, '--currency', 'EUR']);
    expect(balance).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(balance.stdout)).toMatchObject({
      accounts: [
        { account: '1011', debitMinor: '4000', creditMinor: '0', closingMinor: '4000' },
        { account: '2010', debitMinor: '0', creditMinor: '4000', closingMinor: '-4000' },
      ],
      checks: [{ currency: 'EUR', debitMinor: '4000', creditMinor: '4000', balanced: true }],
    });
    expect(`${closed.stdout}${balance.stdout}`).not.toContain(OPERATOR_KEY);
  }, 240_000);
});
