import { LayoutBalanceError } from '@payments/file-layout';

import { readAcquirerTransferFile, TransferFileRefusedError } from './acquirer-transfer-file';
import { unbalanced } from '../reconciliation/testing/acquirer-report-file.util';
import { acquirerTransferFile } from './testing/acquirer-transfer-file.util';

const HEADER = { acquirerId: 'acq-cz', transferReference: 'TRF-2026-12-03-01', valueDate: '2026-12-03' };

describe(readAcquirerTransferFile.name, () => {
  it('reads the transfer and each line it pays, the amount the gross minus the fees', async () => {
    const bytes = await acquirerTransferFile(HEADER, [
      { rrn: '633512000001', amountMinor: 4000n, feeMinor: 70n },
      { rrn: '633512000002', amountMinor: -800n, feeMinor: 0n },
    ]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('H;acq-cz;TRF-2026-12-03-01;2026-12-03;EUR;31.30;2026-12-03T06:00:00Z;1');
    const file = await readAcquirerTransferFile(bytes);
    expect(file).toMatchObject({ ...HEADER, currency: 'EUR', amountMinor: 3130n, grossMinor: 3200n, feeMinor: 70n });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.lines.map((l) => [l.lineNo, l.terminalId, l.rrn, l.direction, l.amountMinor, l.feeMinor])).toEqual([
      [1, 'T0000001', '633512000001', 'debit', 4000n, 70n],
      [2, 'T0000001', '633512000002', 'credit', 800n, 0n],
    ]);
  });

  it('refuses a trailer that does not balance, naming the field and both sums', async () => {
    const bytes = unbalanced(await acquirerTransferFile(HEADER, [{ rrn: '633512000001', amountMinor: 4000n, feeMinor: 70n }]));
    const refusal = readAcquirerTransferFile(bytes);
    await expect(refusal).rejects.toThrow(LayoutBalanceError);
    await expect(refusal).rejects.toThrow('trailer field totalAmountMinor: the file says 40001, its details make 4000');
  });

  it('refuses a transfer amount other than the gross minus the fees, naming the difference', async () => {
    const bytes = await acquirerTransferFile({ ...HEADER, transferAmountMinor: 3900n }, [{ rrn: '633512000001', amountMinor: 4000n, feeMinor: 70n }]);
    await expect(readAcquirerTransferFile(bytes)).rejects.toThrow(
      new TransferFileRefusedError("the transfer amount 3900 is not the lines' gross 4000 minus their fees 70 (3930): a difference of -30 minor units"),
    );
  });

  it('refuses a line in another currency than the transfer', async () => {
    const bytes = await acquirerTransferFile(HEADER, [
      { rrn: '633512000001', amountMinor: 4000n },
      { rrn: '633512000002', amountMinor: 1000n, currency: 'CZK' },
    ]);
    await expect(readAcquirerTransferFile(bytes)).rejects.toThrow('detail record 2 is in CZK, the transfer in EUR');
  });
});
