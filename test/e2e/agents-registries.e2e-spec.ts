import { execFile } from 'node:child_process';
import { randomUUID, verify } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { agentsOperatorApi } from '../support/agents-operator.client';
import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { repoRoot } from '../support/repo-root.util';

const DAY_MS = 86_400_000;
const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/**
 * A payee's registries through the operator API (embedded mode, delivered into a folder): the
 * settings, making yesterday's registry (a day without payments: an empty registry), a re-run,
 * the file and its signature checked with the public key the API gives, and the refusals.
 */
describe('agents registries end to end (embedded mode)', () => {
  let platform: PlatformUnderTest;
  const dir = mkdtempSync(join(tmpdir(), 'e2e-registries-'));

  beforeAll(async () => {
    platform = await startEmbedded({ env: { AGENTS_BILLING_REGISTRIES_DIR: dir } });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const api = agentsOperatorApi(() => platform.settlementUrl);
  /** `npm run --silent cli -- <args>` as an operator runs it against this platform. */
  const cli = (args: string[]): Promise<{ status: number; stdout: string }> =>
    new Promise((resolve) => {
      const env = { ...process.env, PAYMENTS_OPERATOR_URL: platform.settlementUrl, PAYMENTS_OPERATOR_KEY: OPERATOR_KEY };
      execFile('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: repoRoot(), env, timeout: 60_000 }, (error, stdout) => {
        resolve({ status: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout });
      });
    });
  const bytesOf = async (path: string) =>
    Buffer.from(await (await fetch(`${platform.settlementUrl}/v1/agents${path}`, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } })).arrayBuffer());

  it("sets a payee's registry, makes and delivers yesterday's, gives the same file again, and its signature verifies with the published key", async () => {
    const payeeId = `water-${randomUUID().slice(0, 8)}`;
    expect((await api('PUT', `/payees/${payeeId}`, { name: 'Water', currency: 'EUR', account: { pattern: '[0-9]{8}', checksum: 'none' } })).status).toBe(201);
    const badLayout = await api('PUT', `/payees/${payeeId}/registry-settings`, { layout: 'payee-registry-xml', dueAfter: '02:00' });
    expect([badLayout.status, badLayout.body.message]).toEqual([
      400,
      'layout: expected a layout definition (an object) or the name of a shipped one (payee-registry-csv, payee-registry-fixed)',
    ]);
    const badTime = await api('PUT', `/payees/${payeeId}/registry-settings`, { layout: 'payee-registry-csv', dueAfter: '25:00' });
    expect(badTime.status).toBe(400);
    expect(JSON.stringify(badTime.body.message)).toContain('dueAfter must be a time HH:MM (UTC)');
    const settings = await api('PUT', `/payees/${payeeId}/registry-settings`, { layout: 'payee-registry-csv', folder: 'water/in', dueAfter: '02:00' });
    expect([settings.status, settings.body.folder, settings.body.dueAfter, settings.body.fromDay]).toEqual([201, 'water/in', '02:00', utcDay(0)]);

    const yesterday = utcDay(-1);
    const made = await api('POST', `/payees/${payeeId}/registries`, { day: yesterday });
    expect([made.status, made.body.message]).toEqual([201, undefined]);
    expect(made.body).toMatchObject({
      payeeId,
      day: yesterday,
      sequence: 1,
      lineCount: 0,
      total: '0',
      currency: 'EUR',
      delivery: { status: 'delivered', attempts: 1 },
    });
    const again = await api('POST', `/payees/${payeeId}/registries`, { day: yesterday });
    expect([again.status, again.body.sha256, (again.body.delivery as { history: { outcome: string }[] }).history.map((a) => a.outcome)]).toEqual([
      200,
      made.body.sha256,
      ['delivered', 'already-delivered'],
    ]);

    const fileName = String(made.body.fileName);
    const delivered = join(dir, 'outgoing', 'water', 'in');
    expect(readdirSync(delivered).sort()).toEqual([fileName, `${fileName}.sig`]);
    const content = await bytesOf(`/payees/${payeeId}/registries/${yesterday}/content`);
    expect(content.equals(readFileSync(join(delivered, fileName)))).toBe(true);
    expect(content.toString('utf8')).toMatch(new RegExp(`^H;${payeeId};${yesterday};0;0\\.00;EUR;`));
    const signature = await bytesOf(`/payees/${payeeId}/registries/${yesterday}/signature`);
    const key = await api('GET', '/registries/signing-key');
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: (made.body.signature as { keyId: string }).keyId });
    // What the payee does: an Ed25519 check of the file's bytes against the .sig with the public key (as openssl pkeyutl -verify -rawin).
    expect(verify(null, content, String(key.body.publicKeyPem), signature)).toBe(true);
    expect(verify(null, Buffer.concat([content, Buffer.from(' ')]), String(key.body.publicKeyPem), signature)).toBe(false);
    expect((await api('GET', `/payees/${payeeId}/registries`)).body).toEqual([expect.objectContaining({ day: yesterday, fileName })]);
    const listed = await cli(['agents', 'registry', 'list', '--payee', payeeId]);
    expect([listed.status, JSON.parse(listed.stdout)]).toEqual([0, [expect.objectContaining({ day: yesterday, fileName, sha256: made.body.sha256 })]]);
  });

  it("takes a payee's own layout as data, and refuses a day not over, a payee without settings and an unknown payee, each naming why", async () => {
    const payeeId = `gas-${randomUUID().slice(0, 8)}`;
    await api('PUT', `/payees/${payeeId}`, { name: 'Gas', currency: 'EUR', account: { pattern: '.+', checksum: 'none' } });

    const noSettings = await api('POST', `/payees/${payeeId}/registries`, { day: utcDay(-1) });
    expect([noSettings.status, noSettings.body.message]).toEqual([
      422,
      `payeeId: payee ${payeeId} has no registry settings (PUT /v1/agents/payees/${payeeId}/registry-settings)`,
    ]);
    // The payee's own format, as data: a comma-separated file without header, its trailer the count and the total.
    const ownLayout = {
      name: 'gas-payments',
      format: 'csv',
      encoding: 'ascii',
      lineEnding: 'lf',
      csv: { delimiter: ',', quote: '"', quoting: 'needed' },
      fileName: 'GAS{businessDay:yyyyMMdd}.csv',
      records: {
        detail: {
          fields: [
            { name: 'paymentId', type: 'text' },
            { name: 'account', type: 'text' },
            { name: 'amount', type: 'amount', sign: 'unsigned' },
          ],
        },
        trailer: {
          fields: [
            { name: 'count', type: 'integer', source: 'recordCount' },
            { name: 'total', type: 'amount', source: 'total', of: 'amount', sign: 'unsigned' },
          ],
        },
      },
    };
    const own = await api('PUT', `/payees/${payeeId}/registry-settings`, { layout: ownLayout, dueAfter: '00:30' });
    expect([own.status, own.body.layout]).toEqual([201, ownLayout]);
    const yesterday = await api('POST', `/payees/${payeeId}/registries`, { day: utcDay(-1) });
    expect([yesterday.status, yesterday.body.fileName, yesterday.body.lineCount]).toEqual([201, `GAS${utcDay(-1).replaceAll('-', '')}.csv`, 0]);
    expect((await bytesOf(`/payees/${payeeId}/registries/${utcDay(-1)}/content`)).toString()).toBe('0,0\n');
    const today = await api('POST', `/payees/${payeeId}/registries`, { day: utcDay(0) });
    expect([today.status, today.body.message]).toEqual([
      422,
      `day: ${utcDay(0)} is not over yet (UTC); its registry can be made from ${utcDay(1)}T00:05:00.000Z (its end plus 5 minutes)`,
    ]);
    const badDay = await api('POST', `/payees/${payeeId}/registries`, { day: '2026-02-30' });
    expect([badDay.status, JSON.stringify(badDay.body.message)]).toEqual([400, expect.stringContaining('day must be a day that exists')]);
    expect((await api('POST', '/payees/no-such-payee/registries', { day: utcDay(-1) })).status).toBe(404);
    expect((await api('GET', `/payees/${payeeId}/registries/${utcDay(-2)}`)).status).toBe(404);
  });
});
