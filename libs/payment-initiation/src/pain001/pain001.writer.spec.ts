import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkPain001Totals } from './pain001-totals.check';
import { creditTransfer, creditTransferOrder } from './pain001.fixture';
import { writePain001 } from './pain001.writer';
import { validatePain001 } from '../xsd/pain001.validator';

const FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'bank-statements');
const lineOf = (xml: string, text: string) => xml.split('\n').findIndex((line) => line.includes(text)) + 1;

// The first check compiles libxml2's WASM module: slow on a busy machine, so it is done once before the clock of each test.
beforeAll(() => validatePain001('<Document/>'), 60_000);

describe(writePain001.name, () => {
  it('writes a pain.001.001.09 the official XSD accepts, its header counting and summing the transfers', async () => {
    const xml = writePain001(creditTransferOrder([creditTransfer(), creditTransfer({ endToEndId: 'PO2', amountMinor: 5n })]));

    await expect(validatePain001(xml)).resolves.toEqual({ valid: true });
    expect(xml).toContain('<MsgId>PAYOUT-20261201-000001</MsgId>');
    expect(xml).toContain('<CreDtTm>2026-12-02T00:05:00.000Z</CreDtTm>');
    expect(xml).toMatch(/<NbOfTxs>2<\/NbOfTxs>\s*<CtrlSum>1234.61<\/CtrlSum>/);
    expect(xml).toContain('<EndToEndId>PO4F1C2A9B0D3E4F5A6B7C8D9E0F1A2B3C</EndToEndId>');
    expect(xml).toContain('<Nm>Cafe Svejk &amp; Sons</Nm>');
  });

  it('writes EUR with two decimals and JPY with none, in one PmtInf per debtor account, currency and execution date', async () => {
    const xml = writePain001(
      creditTransferOrder([
        creditTransfer({ amountMinor: 1005n }),
        creditTransfer({ endToEndId: 'PO-JPY', amountMinor: 1500n, currency: 'JPY' }),
        creditTransfer({ endToEndId: 'PO-LATER', amountMinor: 1n, requestedExecutionDate: '2026-12-03' }),
      ]),
    );

    await expect(validatePain001(xml)).resolves.toEqual({ valid: true });
    expect(xml).toContain('<InstdAmt Ccy="EUR">10.05</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="JPY">1500</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.01</InstdAmt>');
    expect(xml.match(/<PmtInf>/g)).toHaveLength(3);
    expect(xml).toMatch(/<GrpHdr>[\s\S]*<NbOfTxs>3<\/NbOfTxs>\s*<CtrlSum>1510.06<\/CtrlSum>/);
  });

  it('leaves the creditor agent out without a BIC and names the debtor agent NOTPROVIDED', async () => {
    const xml = writePain001(
      creditTransferOrder([
        creditTransfer({ creditor: { name: 'Kiosk', iban: 'DE89370400440532013000' }, debtor: { name: 'P', iban: 'CZ6508000000192000145399' } }),
      ]),
    );

    await expect(validatePain001(xml)).resolves.toEqual({ valid: true });
    expect(xml).not.toContain('<CdtrAgt>');
    expect(xml).toContain('<Id>NOTPROVIDED</Id>');
  });
});

describe(validatePain001.name, () => {
  it('refuses a creditor IBAN that breaks the pattern, naming the line', async () => {
    const xml = writePain001(creditTransferOrder([creditTransfer({ creditor: { name: 'Kiosk', iban: 'de89 3704 0044' } })]));

    const result = await validatePain001(xml);

    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors[0]).toMatch(new RegExp(`^line ${lineOf(xml, '<IBAN>de89')}: .*IBAN.*pattern`));
  });

  it('refuses a creditor name over 140 characters, naming the line', async () => {
    const xml = writePain001(creditTransferOrder([creditTransfer({ creditor: { name: 'N'.repeat(141), iban: 'DE89370400440532013000' } })]));

    const result = await validatePain001(xml);

    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors[0]).toMatch(new RegExp(`^line ${lineOf(xml, 'NNNN')}: .*Nm.*length`));
  });

  it('refuses a CtrlSum with 3 decimals (the XSD allows 17; no EUR amount has a third)', async () => {
    const xml = writePain001(creditTransferOrder()).replace('<CtrlSum>1234.56</CtrlSum>', '<CtrlSum>1234.565</CtrlSum>');

    await expect(validatePain001(xml)).resolves.toEqual({
      valid: false,
      errors: ['GrpHdr/CtrlSum: says 1234.565, the amounts sum to 1234.56'],
    });
  });

  it('refuses an EUR amount with 3 decimals', async () => {
    const xml = writePain001(creditTransferOrder()).replace('>1234.56</InstdAmt>', '>1234.561</InstdAmt>');

    const result = await validatePain001(xml);

    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors[0]).toBe('PmtInf[1] PAYOUT-20261201-000001-1/CdtTrfTxInf[1]/Amt/InstdAmt: "1234.561" has 3 decimals, EUR has 2');
  });
});

describe(checkPain001Totals.name, () => {
  it('finds the SIX sample header counting 7 transactions where it holds 8', () => {
    const findings = checkPain001Totals(readFileSync(join(FIXTURES, 'musterfile_pain.001_Nov2020.xml'), 'utf8'));

    expect(findings).toEqual([
      'PmtInf[4] PmtInfId-04/CdtTrfTxInf[1]/Amt: no InstdAmt (an equivalent amount is not summed)',
      'GrpHdr/NbOfTxs: says 7, holds 8 transactions',
    ]);
  });
});
