import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { hashOperatorKey } from '@payments/runtime';

import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { call, HttpResult, operatorCall } from '../support/register.client';

/** The shared public samples, read in place (ENVIRONMENT.md, "Public fixtures"). */
const sample = (name: string): Buffer => readFileSync(join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'bank-statements', name));
const FI_CAMT053 = 'FI_camt_053_sample.xml';

const BANK_ACCOUNTS = [
  { id: 'fi-eur', account: 'FI7433010001222090', currency: 'EUR', format: 'camt053' },
  { id: 'generic-eur', account: '11111111', currency: 'EUR', format: 'mt940' },
  { id: 'ing-eur', account: '0001234567', currency: 'EUR', format: 'mt940' },
];

/**
 * Importing bank statement files through the operators' API of the embedded mode: the file's bytes
 * as the body, the answers a back office acts on (201, the same import again with 200, 400 naming
 * where the file is malformed, 409 naming the original import, 422 with the reason), and the
 * statements read back with their entries.
 */
describe('settlement statement import end to end (embedded mode)', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startEmbedded({ env: { SETTLEMENT_BANK_ACCOUNTS: JSON.stringify(BANK_ACCOUNTS), SETTLEMENT_STATEMENT_MAX_BYTES: '65536' } });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const upload = (query: string, body: Buffer | string, contentType = 'application/xml'): Promise<HttpResult> =>
    call(`${platform.settlementUrl}/v1/settlement/statements?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': contentType },
      body,
    });

  it('imports a camt.053 file, answers the identical file with the same import, and shows the statement with its entries', async () => {
    const created = await upload('format=camt053&fileName=fi.xml', sample(FI_CAMT053));

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fileSha256: createHash('sha256').update(sample(FI_CAMT053)).digest('hex'),
      fileName: 'fi.xml',
      format: 'camt053',
      importedBy: hashOperatorKey(OPERATOR_KEY).slice(0, 12),
      gapReason: null,
      statements: [
        {
          bankAccountId: 'fi-eur',
          bankStatementId: 'BANKSTMTID0972009',
          currency: 'EUR',
          sequenceNumber: 120,
          opening: { amountMinor: '1000000', date: '2009-10-29' },
          closing: { amountMinor: '2364483', date: '2009-10-29' },
          entryCount: 10,
          creditMinor: '2307500',
          debitMinor: '943017',
        },
      ],
    });

    const again = await upload('format=camt053&fileName=fi-again.xml', sample(FI_CAMT053));
    expect(again).toMatchObject({ status: 200, body: created.body });

    const statementId = String((created.body.statements as { statementId: string }[])[0].statementId);
    const list = await operatorCall<Record<string, unknown>[]>(`${platform.settlementUrl}/v1/settlement/statements?bankAccountId=fi-eur`);
    expect(list.body).toEqual([expect.objectContaining({ statementId, closing: { amountMinor: '2364483', date: '2009-10-29' } })]);
    const one = await operatorCall(`${platform.settlementUrl}/v1/settlement/statements/${statementId}`);
    expect(one.status).toBe(200);
    expect(one.body.entries).toHaveLength(10);
    expect((one.body.entries as unknown[])[0]).toMatchObject({ amountMinor: '100012', direction: 'debit', bookingDate: '2009-10-29' });
    const theImport = await operatorCall(`${platform.settlementUrl}/v1/settlement/statements/imports/${String(created.body.importId)}`);
    expect(theImport.body).toEqual(created.body);
  });

  it('answers 409 naming the original import when another file claims an imported statement', async () => {
    const original = await upload('format=mt940', sample('jejik_generic.sta'), 'text/plain');
    expect(original.status).toBe(201);

    const edited = Buffer.concat([sample('jejik_generic.sta'), Buffer.from('\r\n')]);
    const conflict = await upload('format=mt940', edited, 'text/plain');

    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ originalImportId: original.body.importId });
  });

  it('refuses the unbalanced ING file with 422 and the reason, and stores nothing of it', async () => {
    const refused = await upload('format=mt940', sample('jejik_ing.sta'), 'text/plain');

    expect(refused.status).toBe(422);
    expect(refused.body.message).toEqual([expect.stringMatching(/^statement MPBZ \(ing-eur\): unbalanced: /)]);
    expect((await operatorCall<unknown[]>(`${platform.settlementUrl}/v1/settlement/statements?bankAccountId=ing-eur`)).body).toEqual([]);
  });

  it('answers 400 naming where a file is malformed, and each edge refusal naming what to send', async () => {
    const malformed = await upload('format=camt053', sample('cmxl_mt940.sta'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/^file: camt053 line 1 column 1: /);

    expect((await upload('format=camt099', sample(FI_CAMT053))).body.message).toEqual(['format: format must be one of camt053, camt054, mt940']);
    expect((await upload('format=mt940&allowGap=true', sample('cmxl_mt940.sta'))).body.message).toEqual([
      'gapReason: gapReason is required with allowGap=true',
    ]);
    expect((await upload('format=camt053', JSON.stringify({ file: 'x' }), 'application/json')).status).toBe(415);
    expect((await upload('format=camt053', Buffer.alloc(70_000, 0x20))).status).toBe(413);
    expect((await call(`${platform.settlementUrl}/v1/settlement/statements?format=camt053`, { method: 'POST', body: sample(FI_CAMT053) })).status).toBe(401);
  });

  it('documents the import as a file upload with its answers, on the operator listener', async () => {
    type Operation = { requestBody: { content: Record<string, unknown> }; responses: Record<string, unknown> };
    const doc = (await call<{ paths: Record<string, Record<string, Operation>> }>(`${platform.settlementUrl}/docs-json`)).body;

    const post = doc.paths['/v1/settlement/statements'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['application/xml', 'text/xml', 'text/plain', 'application/octet-stream']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '409', '413', '415', '422']));
    expect(doc.paths['/v1/settlement/statements/{statementId}'].get).toBeDefined();
  });
});
