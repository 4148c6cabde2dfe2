import { LayoutBalanceError } from '@payments/file-layout';

import { readAcquirerReport } from './acquirer-report';
import { acquirerReportFile, unbalanced } from './testing/acquirer-report-file.util';

const RRN = '633512000007';

describe(readAcquirerReport.name, () => {
  it("reads the acquirer, the day and each line, a negative amount as a credit, and the file's SHA-256", async () => {
    const bytes = await acquirerReportFile('acq-cz', '2026-12-01', [{ rrn: RRN, amountMinor: -1250n, feeMinor: 19n }]);
    const sut = await readAcquirerReport(bytes);
    expect(sut).toMatchObject({ acquirerId: 'acq-cz', businessDay: '2026-12-01' });
    expect(sut.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sut.lines).toEqual([
      expect.objectContaining({ lineNo: 1, terminalId: 'T0000001', rrn: RRN, direction: 'credit', amountMinor: 1250n, feeMinor: 19n, currency: 'EUR' }),
    ]);
    expect(bytes.toString('utf8')).toContain(`D;T0000001;${RRN};2026-12-01T10:00:00Z;visa;-12.50;EUR;0.19\r\n`);
  });

  it('refuses a report whose trailer does not balance, naming the total', async () => {
    const bytes = unbalanced(await acquirerReportFile('acq-cz', '2026-12-01', [{ rrn: RRN, amountMinor: 1250n }]));
    await expect(readAcquirerReport(bytes)).rejects.toThrow(LayoutBalanceError);
    await expect(readAcquirerReport(bytes)).rejects.toThrow(/totalAmountMinor/);
  });

  it('refuses a report with a full PAN in it, naming the line and the field, never the value', async () => {
    const bytes = await acquirerReportFile('acq-cz', '2026-12-01', [{ rrn: RRN, amountMinor: 1250n }]);
    const withPan = Buffer.from(bytes.toString('utf8').replace(';visa;', ';4111111111111111;'), 'utf8');
    const refusal = readAcquirerReport(withPan);
    await expect(refusal).rejects.toThrow(/line 2 \(detail\), field scheme: looks like a full PAN/);
    await expect(readAcquirerReport(withPan)).rejects.not.toThrow(/4111/);
  });
});
