import { createHash } from 'node:crypto';

import { hashOperatorKey } from '@payments/runtime';

import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { call, eventually, HttpResult, operatorCall, RegisterClient, TERMINAL_KEY } from '../support/register.client';

const PAN = '4242424242424242';

/** A settlement report as an acquirer writes it (the shipped CSV layout), built by hand: header, details, trailer with the SHA-256 of the details. */
function reportFile(businessDay: string, sequence: number, details: { terminalId: string; rrn: string; amount: string; fee: string }[]): string {
  const lines = details.map((d) => `D;${d.terminalId};${d.rrn};${businessDay}T10:00:00Z;visa;${d.amount};EUR;${d.fee}\r\n`).join('');
  const minor = (field: 'amount' | 'fee') => details.reduce((sum, d) => sum + BigInt(d[field].replace('.', '')), 0n);
  const trailer = `T;${details.length};${minor('amount')};${minor('fee')};${createHash('sha256').update(lines).digest('hex')}\r\n`;
  return `H;default;${businessDay};${businessDay}T23:30:00Z;${sequence}\r\n${lines}${trailer}`;
}

/**
 * The acquirer's settlement report through the operators' API (embedded mode, a database of its
 * own): purchases through the register, a report with one right, one wrong fee, one missing and
 * one extra line, the breaks, and an operator resolving one.
 */
describe('settlement reconciliation end to end (embedded mode)', () => {
  let platform: PlatformUnderTest;
  let register: RegisterClient;

  beforeAll(async () => {
    // The default acquirer charges 1.50 % + 0.10 on visa.
    platform = await startEmbedded({
      env: {
        SETTLEMENT_ACQUIRER_FEES: JSON.stringify({ default: { visa: { basisPoints: 150, fixedMinor: 10 } } }),
        // Room for the 3,000-line upload below (about 200 kB), not for 400 kB.
        SETTLEMENT_ACQUIRER_FILE_MAX_BYTES: '300000',
      },
    });
    register = new RegisterClient(platform.gatewayUrl, TERMINAL_KEY);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const operator = (path: string, body: unknown) =>
    call(`${platform.settlementUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const purchase = async (amount: number) => {
    const result: HttpResult = await register.post('/v1/purchases', { amount, currency: 'EUR', card: register.card(PAN) });
    expect(result.body).toMatchObject({ status: 'approved' });
    const row = (await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${String(result.body.transactionId)}`)).body;
    return { terminalId: String(row.terminalId), rrn: String(row.rrn) };
  };
  /** The open-breaks gauge of /metrics, per kind, for the default acquirer (what the alert watches). */
  const openBreaksMetric = async () => {
    const text = (await call(platform.metricsUrl)).text;
    const series = [...text.matchAll(/^settlement_reconciliation_breaks_open\{([^}]*)\} (\d+)$/gm)]
      .filter(([, labels]) => labels.includes('acquirer="default"'))
      .map(([, labels, value]) => [/kind="([a-z_]+)"/.exec(labels)?.[1], Number(value)]);
    return Object.fromEntries(series) as Record<string, number>;
  };
  const kinds = (report: Record<string, unknown>) => Object.fromEntries((report.totals as { kind: string; count: number }[]).map((t) => [t.kind, t.count]));

  it('imports a report, finds its breaks and lets an operator resolve one, once', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const right = await purchase(4000); // fee 60 + 10
    const wrongFee = await purchase(2550); // fee 38 + 10, the acquirer says 50
    await purchase(1000); // not in the report
    const details = [
      { ...right, amount: '40.00', fee: '0.70' },
      { ...wrongFee, amount: '25.50', fee: '0.50' },
      { terminalId: right.terminalId, rrn: '999999999999', amount: '5.00', fee: '0.18' },
    ];
    // Settlement records lines from the events a moment later: re-import (replacing) until it has all three.
    let sequence = 0;
    const imported = await eventually(
      () => operator('/v1/settlement/acquirer-reports', { acquirerId: 'default', content: reportFile(day, ++sequence, details), replace: true }),
      // All three of our lines are in once the one not reported shows as missing on their side.
      (r) => r.status === 200 && kinds(r.body).matched === 1 && kinds(r.body).fee_difference === 1 && kinds(r.body).missing_theirs === 1,
    );
    expect(imported.body).toMatchObject({ acquirerId: 'default', businessDay: day, lineCount: 3, status: 'current', breakCount: 3, openBreakCount: 3 });
    expect(kinds(imported.body)).toEqual({ matched: 1, fee_difference: 1, missing_ours: 1, missing_theirs: 1 });
    const reportId = String(imported.body.id);
    expect((await operatorCall(`${platform.settlementUrl}/v1/settlement/acquirer-reports/${reportId}`)).body).toEqual(imported.body);

    const open = await operatorCall<Record<string, unknown>[]>(
      `${platform.settlementUrl}/v1/settlement/reconciliation-breaks?reportId=${reportId}&status=open`,
    );
    const fee = open.body.find((b) => b.kind === 'fee_difference');
    expect(fee).toMatchObject({ rrn: wrongFee.rrn, ourAmountMinor: '2550', theirAmountMinor: '2550', ourFeeMinor: '48', theirFeeMinor: '50', status: 'open' });

    expect(await openBreaksMetric()).toEqual({ fee_difference: 1, missing_ours: 1, missing_theirs: 1 });

    const resolvePath = `/v1/settlement/reconciliation-breaks/${String(fee?.id)}/resolve`;
    expect(await operator(resolvePath, { reason: ' ' })).toMatchObject({
      status: 400,
      body: { message: ['reason: reason is required: why the break needs no further action'] },
    });
    const resolved = await operator(resolvePath, { reason: 'fee of the old tariff, credited on the next report' });
    expect(resolved).toMatchObject({
      status: 200,
      body: {
        status: 'resolved',
        resolutionReason: 'fee of the old tariff, credited on the next report',
        resolvedBy: `operator-key:${hashOperatorKey(OPERATOR_KEY).slice(0, 12)}`,
      },
    });
    expect((await operator(resolvePath, { reason: 'again' })).status).toBe(409);
    expect(await openBreaksMetric()).toEqual({ missing_ours: 1, missing_theirs: 1 });

    // The same bytes are the same import; a file that does not balance is refused, storing nothing.
    const same = await operator('/v1/settlement/acquirer-reports', { acquirerId: 'default', content: reportFile(day, sequence, details) });
    expect(same.body).toMatchObject({ id: reportId, openBreakCount: 2 });
    const unbalanced = reportFile(day, 99, details).replace(/\r\nT;3;/, '\r\nT;2;');
    const refused = await operator('/v1/settlement/acquirer-reports', { acquirerId: 'default', content: unbalanced });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('trailer field detailCount: the file says 2, its details make 3');
    const another = await operator('/v1/settlement/acquirer-reports', { acquirerId: 'default', content: reportFile(day, 100, details.slice(0, 1)) });
    expect(another.status).toBe(409);
    expect(another.body.message).toContain(`already reconciled by import ${reportId}`);
    expect((await operatorCall(`${platform.settlementUrl}/v1/settlement/acquirer-reports/${reportId}`)).body).toMatchObject({
      status: 'current',
      openBreakCount: 2,
    });
  }, 120_000);

  it('takes a report larger than a JSON body as an upload of its bytes, and refuses one past the limit or sent as JSON', async () => {
    // A past day of 3,000 lines we never had: far past the JSON route's 100 kB, each line missing on our side.
    const day = '2026-01-15';
    const details = Array.from({ length: 3000 }, (_, i) => ({
      terminalId: 'DEMO0001',
      rrn: `6015${String(i).padStart(8, '0')}`,
      amount: '10.00',
      fee: '0.25',
    }));
    const file = reportFile(day, 1, details);
    expect(file.length).toBeGreaterThan(150_000);
    const upload = (body: string, contentType = 'text/csv', query = 'fileName=SR_DEFAULT_20260115_0001.csv') =>
      call(`${platform.settlementUrl}/v1/settlement/acquirers/default/settlement-reports?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': contentType },
        body,
      });

    const imported = await upload(file);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      acquirerId: 'default',
      businessDay: day,
      lineCount: 3000,
      breakCount: 3000,
      fileName: 'SR_DEFAULT_20260115_0001.csv',
    });
    expect(kinds(imported.body)).toEqual({ missing_ours: 3000 });
    expect((await upload(file)).body).toMatchObject({ id: imported.body.id });

    expect(await upload(file.repeat(2))).toMatchObject({
      status: 413,
      body: { message: 'file: larger than 300000 bytes (SETTLEMENT_ACQUIRER_FILE_MAX_BYTES)' },
    });
    expect((await upload(JSON.stringify({ content: 'H;default' }), 'application/json')).status).toBe(415);
    expect(await upload(file, 'text/csv', 'replace=maybe')).toMatchObject({ status: 400, body: { message: ['replace: replace must be true or false'] } });
    const unbalanced = await upload(reportFile(day, 2, details).replace(/\r\nT;3000;/, '\r\nT;2999;'));
    expect(unbalanced).toMatchObject({ status: 422 });
    expect(unbalanced.body.message).toContain('file: the report was refused, nothing was stored');
  }, 120_000);

  it('documents the reconciliation endpoints and their refusals for operators', async () => {
    type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const doc = (await call<Doc>(`${platform.settlementUrl}/docs-json`)).body;
    expect(Object.keys(doc.paths['/v1/settlement/acquirer-reports'].post.responses)).toEqual(expect.arrayContaining(['400', '401', '404', '409', '422']));
    expect(Object.keys(doc.paths['/v1/settlement/reconciliation-breaks/{breakId}/resolve'].post.responses)).toEqual(
      expect.arrayContaining(['400', '401', '404', '409']),
    );
    expect(doc.paths['/v1/settlement/reconciliation-breaks'].get).toBeDefined();
    expect(doc.paths['/v1/settlement/acquirer-reports/{reportId}'].get).toBeDefined();
    expect(Object.keys(doc.paths['/v1/settlement/acquirers/{acquirerId}/settlement-reports'].post.responses)).toEqual(
      expect.arrayContaining(['400', '404', '409', '413', '415', '422']),
    );
    expect(Object.keys(doc.paths['/v1/settlement/acquirers/{acquirerId}/transfer-files'].post.responses)).toEqual(
      expect.arrayContaining(['400', '404', '409', '413', '415', '422']),
    );
  });
});
