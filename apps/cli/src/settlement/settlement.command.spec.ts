import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../cli.program';
import { FakeCliIo } from '../testing/fake-cli-io.util';
import { closedPortUrl, OperatorApiStub } from './testing/operator-api.server';

const KEY = 'op-key-7f3a9c1e5b';
const BATCH_ID = '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';
const FILE_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

describe('cli settlement', () => {
  let api: OperatorApiStub;

  beforeEach(async () => {
    api = await new OperatorApiStub().start();
  });

  afterEach(() => api.stop());

  async function cli(args: string[], env: NodeJS.ProcessEnv = { PAYMENTS_OPERATOR_KEY: KEY }): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo();
    const code = await runCli(['settlement', ...args, '--url', api.url], io, env);
    expect(`${io.out}${io.err}`).not.toContain(KEY);
    return { code, io };
  }

  it('closes a day: POST with the key as a bearer token, the batch as one JSON line, exit 0', async () => {
    const batch = { batchId: BATCH_ID, acquirerId: 'acq-cz', businessDay: '2026-12-01', currencies: [{ currency: 'EUR', netMinor: '4000' }] };
    api.answer = { status: 200, body: batch };

    const { code, io } = await cli(['close-day', '--acquirer', 'acq-cz', '--day', '2026-12-01']);

    expect(code).toBe(0);
    expect(io.out).toBe(`${JSON.stringify(batch)}\n`);
    expect(io.err).toBe('');
    expect(api.received).toEqual([
      expect.objectContaining({ method: 'POST', url: '/v1/settlement/acquirers/acq-cz/business-days/2026-12-01/close', authorization: `Bearer ${KEY}` }),
    ]);
  });

  it.each<[string, string[], string, string]>([
    [
      'batches with every filter',
      ['batches', '--acquirer', 'default', '--day', '2026-12-01', '--limit', '5'],
      'GET',
      '/v1/settlement/batches?acquirerId=default&businessDay=2026-12-01&limit=5',
    ],
    ['batches without a filter', ['batches'], 'GET', '/v1/settlement/batches'],
    ['one batch', ['batch', '--id', BATCH_ID], 'GET', `/v1/settlement/batches/${BATCH_ID}`],
    ["a batch's postings", ['postings', '--batch', BATCH_ID], 'GET', `/v1/settlement/batches/${BATCH_ID}/postings`],
    [
      'the trial balance',
      ['trial-balance', '--from', '2026-12-01', '--to', '2026-12-31', '--currency', 'EUR', '--acquirer', 'acq-cz'],
      'GET',
      '/v1/settlement/trial-balance?from=2026-12-01&to=2026-12-31&currency=EUR&acquirerId=acq-cz',
    ],
    [
      'files by status',
      ['files', '--acquirer', 'default', '--day', '2026-12-01', '--status', 'failed'],
      'GET',
      '/v1/settlement/files?acquirerId=default&businessDay=2026-12-01&status=failed',
    ],
    ['one file', ['file', '--id', FILE_ID], 'GET', `/v1/settlement/files/${FILE_ID}`],
    ['a re-send', ['resend', '--file', FILE_ID], 'POST', `/v1/settlement/files/${FILE_ID}/resend`],
    ['a reconciliation report', ['acquirer-report', '--id', FILE_ID], 'GET', `/v1/settlement/acquirer-reports/${FILE_ID}`],
    [
      'open breaks of a day',
      ['breaks', '--status', 'open', '--acquirer', 'acq-cz', '--day', '2026-12-01', '--report', FILE_ID],
      'GET',
      `/v1/settlement/reconciliation-breaks?acquirerId=acq-cz&businessDay=2026-12-01&status=open&reportId=${FILE_ID}`,
    ],
  ])('maps %s to its API call', async (_case, args, method, url) => {
    api.answer = { status: 200, body: [{ ok: true }] };

    const { code, io } = await cli(args);

    expect(code).toBe(0);
    expect(io.out).toBe('[{"ok":true}]\n');
    expect(api.received).toEqual([expect.objectContaining({ method, url, authorization: `Bearer ${KEY}` })]);
  });

  it("sends a statement file's bytes as they are, named, with the gap allowed and its reason", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'settlement-cli-')), 'ops-eur 119.sta');
    const bytes = Buffer.from(':20:S119\r\n:25:DE44500105175407324931\r\n:86:Zürich\r\n-', 'utf8');
    writeFileSync(file, bytes);
    api.answer = { status: 201, body: { importId: 'i-1', statements: [] } };

    const { code, io } = await cli(['import-statement', '--format', 'mt940', '--file', file, '--allow-gap', '--gap-reason', 'bank ticket 4711']);

    expect(code).toBe(0);
    expect(io.out).toBe('{"importId":"i-1","statements":[]}\n');
    const [received] = api.received;
    expect(received.url).toBe('/v1/settlement/statements?format=mt940&fileName=ops-eur+119.sta&allowGap=true&gapReason=bank+ticket+4711');
    expect(received.contentType).toBe('text/plain');
    expect(received.body.equals(bytes)).toBe(true);
  });

  it("uploads an acquirer's report as its bytes, named, and a break's resolution with its reason", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'settlement-cli-')), 'ACQ_CZ_20261201.csv');
    writeFileSync(file, 'H;acq-cz;2026-12-01\r\nT;0;0.00;0.00\r\n');
    api.answer = { status: 200, body: { reportId: 'r-1' } };

    expect((await cli(['import-acquirer-report', '--acquirer', 'acq-cz', '--file', file, '--replace'])).code).toBe(0);
    expect((await cli(['resolve-break', '--id', FILE_ID, '--reason', '  acquirer credited it on 2026-12-03  '])).code).toBe(0);

    const [report, resolution] = api.received;
    expect(report).toMatchObject({
      method: 'POST',
      url: '/v1/settlement/acquirers/acq-cz/settlement-reports?fileName=ACQ_CZ_20261201.csv&replace=true',
      contentType: 'text/csv',
    });
    expect(report.body.toString('utf8')).toBe('H;acq-cz;2026-12-01\r\nT;0;0.00;0.00\r\n');
    expect(resolution).toMatchObject({ method: 'POST', url: `/v1/settlement/reconciliation-breaks/${FILE_ID}/resolve` });
    expect(JSON.parse(resolution.body.toString('utf8'))).toEqual({ reason: 'acquirer credited it on 2026-12-03' });
  });

  it.each<[string, string[], string]>([
    ['a blank reason', ['resolve-break', '--id', FILE_ID, '--reason', '   '], '--reason must say why'],
    ['an unknown break status', ['breaks', '--status', 'closed'], '--status must be one of open, resolved, replaced, not "closed"'],
  ])('refuses %s with exit 2 before any request', async (_case, args, message) => {
    const { code, io } = await cli(args);

    expect(code).toBe(2);
    expect(io.err).toContain(message);
    expect(api.received).toEqual([]);
  });

  it.each<[string, number, unknown, string]>([
    [
      'a 4xx with its reasons',
      422,
      { statusCode: 422, message: ['statement 8 is missing', 'to import past the gap, repeat with allowGap=true'] },
      'error: 422 statement 8 is missing; to import past the gap, repeat with allowGap=true',
    ],
    [
      'a 404 message',
      404,
      { statusCode: 404, message: 'acquirerId: acquirer "acq-xx" is neither configured nor seen in any transaction' },
      'error: 404 acquirerId: acquirer "acq-xx" is neither configured nor seen in any transaction',
    ],
    [
      'a 409 naming the original import',
      409,
      { statusCode: 409, message: 'already imported; nothing was stored', originalImportId: 'imp-1' },
      'error: 409 already imported; nothing was stored (originalImportId imp-1)',
    ],
    [
      'a 5xx from the API',
      502,
      { statusCode: 502, message: 'fileId: the file was written again but not delivered: ECONNRESET' },
      'error: 502 fileId: the file was written again but not delivered: ECONNRESET',
    ],
    ['a 5xx that is not JSON (a proxy)', 503, '<html>upstream down</html>', 'error: 503 Service Unavailable'],
    ['a message that quotes the key, masked', 401, { statusCode: 401, message: `unknown operator key ${KEY}` }, 'error: 401 unknown operator key ***'],
  ])('answers %s with one error line and exit 1, nothing on stdout', async (_case, status, body, line) => {
    api.answer = { status, body };

    const { code, io } = await cli(['resend', '--file', FILE_ID]);

    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([line]);
  });

  it('says which API it cannot reach and why, exit 1', async () => {
    const url = await closedPortUrl();
    const io = new FakeCliIo();

    const code = await runCli(['settlement', 'batches', '--url', url], io, { PAYMENTS_OPERATOR_KEY: KEY });

    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([`error: cannot reach ${url}: connect ECONNREFUSED ${url.slice('http://'.length)}`]);
  });

  it('takes the API from PAYMENTS_OPERATOR_URL when there is no --url', async () => {
    const io = new FakeCliIo();

    const code = await runCli(['settlement', 'batches'], io, { PAYMENTS_OPERATOR_KEY: KEY, PAYMENTS_OPERATOR_URL: `${api.url}/` });

    expect(code).toBe(0);
    expect(api.received.map((request) => request.url)).toEqual(['/v1/settlement/batches']);
  });

  it.each<[string, string[], NodeJS.ProcessEnv, string]>([
    [
      'a day that does not exist',
      ['close-day', '--acquirer', 'default', '--day', '2026-02-30'],
      {},
      'error: --day must be a calendar date YYYY-MM-DD that exists, not "2026-02-30"',
    ],
    ['a day in another form', ['batches', '--day', '1.12.2026'], {}, 'error: --day must be a calendar date YYYY-MM-DD that exists, not "1.12.2026"'],
    ['a missing option', ['close-day', '--acquirer', 'default'], {}, "error: required option '--day <YYYY-MM-DD>' not specified"],
    [
      'an acquirer id with a slash',
      ['close-day', '--acquirer', '../x', '--day', '2026-12-01'],
      {},
      'error: --acquirer must be 1-64 letters, digits, dots, dashes or underscores',
    ],
    ['a batch id that is no UUID', ['postings', '--batch', '42'], {}, 'error: --batch must be a UUID (as the API lists it), not "42"'],
    ['a limit out of range', ['files', '--limit', '0'], {}, 'error: --limit must be a whole number from 1 to 500, not "0"'],
    ['an unknown file status', ['files', '--status', 'sent'], {}, 'error: --status must be one of pending, delivered, failed, not "sent"'],
    ['--to before --from', ['trial-balance', '--from', '2026-12-02', '--to', '2026-12-01'], {}, 'error: --to 2026-12-01 is before --from 2026-12-02'],
    [
      'a lower-case currency',
      ['trial-balance', '--from', '2026-12-01', '--to', '2026-12-01', '--currency', 'eur'],
      {},
      'error: --currency must be an ISO 4217 code such as EUR, not "eur"',
    ],
    [
      'an unknown format',
      ['import-statement', '--format', 'bai2', '--file', 'x.txt'],
      {},
      'error: --format must be one of camt053, camt054, mt940, not "bai2"',
    ],
    [
      'a gap allowed without its reason',
      ['import-statement', '--format', 'mt940', '--file', 'x.sta', '--allow-gap'],
      {},
      'error: --allow-gap needs --gap-reason "<why the numbers are missing>"',
    ],
    [
      'a file that cannot be read',
      ['import-statement', '--format', 'mt940', '--file', join(tmpdir(), 'no-such.sta')],
      {},
      `error: cannot read --file ${join(tmpdir(), 'no-such.sta')} (ENOENT)`,
    ],
    [
      'no operator key',
      ['batches'],
      { PAYMENTS_OPERATOR_KEY: undefined },
      'error: PAYMENTS_OPERATOR_KEY is not set: export the operator key (the embedded mode prints its demo key at start)',
    ],
    [
      'a key that is no header value',
      ['batches'],
      { PAYMENTS_OPERATOR_KEY: `${KEY}\n` },
      'error: PAYMENTS_OPERATOR_KEY must be visible ASCII characters without spaces',
    ],
    ['an unknown option', ['batches', '--key', 'x'], {}, "error: unknown option '--key'"],
  ])('refuses %s: exit 2, one line naming it, no request', async (_case, args, env, line) => {
    const { code, io } = await cli(args, { PAYMENTS_OPERATOR_KEY: KEY, ...env });

    expect(code).toBe(2);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([line]);
    expect(api.received).toEqual([]);
  });

  it.each([
    ['ftp://127.0.0.1', 'error: --url must be an http(s) URL such as http://127.0.0.1:8081, not "ftp://127.0.0.1"'],
    ['http://ops:secret@127.0.0.1:8081', 'error: --url must not carry a user or password: the key is PAYMENTS_OPERATOR_KEY'],
  ])('refuses --url %s, exit 2', async (url, line) => {
    const io = new FakeCliIo();

    await expect(runCli(['settlement', 'batches', '--url', url], io, { PAYMENTS_OPERATOR_KEY: KEY })).resolves.toBe(2);
    expect(io.errLines()).toEqual([line]);
  });

  it('says in --help that the key comes from the environment, never a flag', async () => {
    const io = new FakeCliIo();

    await expect(runCli(['settlement', 'resend', '--help'], io, {})).resolves.toBe(0);
    expect(io.out).toContain('read from $PAYMENTS_OPERATOR_KEY only, never from a flag');
  });
});
