import { Readable } from 'node:stream';

import { readLayoutFile } from '@payments/file-layout';

import { lastDueDay } from './registry';
import { registryLayoutOf, type RegistryLine, renderRegistry } from './registry-file';
import { registryLayoutProblem } from './registry-layout.check';
import { REGISTRY_LAYOUTS } from './registry-layouts';

const recipe = (layout: string, more: { currency?: string } = {}) => ({
  payeeId: 'mobile-topup',
  businessDay: '2026-12-08',
  currency: more.currency ?? 'EUR',
  sequence: 7,
  madeAt: new Date('2026-12-09T02:00:05.250Z'),
  layout: REGISTRY_LAYOUTS[layout],
});
const line = (n: number, amount: bigint, account = '+420777123456'): RegistryLine => ({
  paymentId: `1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4b0${n}`,
  postedAt: new Date(`2026-12-08T0${n}:15:30.123Z`),
  account,
  amount,
  currency: 'EUR',
  nodeId: '9b2f0c4e-1a7d-4c1e-8f3a-0d5e6b7c8a90',
});
const LINES = [line(1, 2500n), line(2, 10n, '411111******1111'), line(3, 123456n, 'CZ; "quoted"')];

describe(renderRegistry.name, () => {
  it('writes the CSV registry: header with payee, day, count and total, a line per payment, trailer with count, total and SHA-256', async () => {
    const registry = await renderRegistry(recipe('payee-registry-csv'), LINES);

    const text = registry.bytes.toString('utf8').split('\r\n');
    expect(registry.fileName).toBe('REG_mobile-topup_20261208_0007.csv');
    expect(text.slice(0, 4)).toEqual([
      'H;mobile-topup;2026-12-08;3;1259.66;EUR;2026-12-09T02:00:05Z;7',
      'D;1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4b01;2026-12-08T01:15:30Z;+420777123456;25.00;EUR;9b2f0c4e-1a7d-4c1e-8f3a-0d5e6b7c8a90',
      'D;1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4b02;2026-12-08T02:15:30Z;411111******1111;0.10;EUR;9b2f0c4e-1a7d-4c1e-8f3a-0d5e6b7c8a90',
      'D;1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4b03;2026-12-08T03:15:30Z;"CZ; ""quoted""";1234.56;EUR;9b2f0c4e-1a7d-4c1e-8f3a-0d5e6b7c8a90',
    ]);
    expect(text[4]).toMatch(/^T;3;125966;[0-9a-f]{64}$/);
    expect(text[5]).toBe('');
    expect(registry).toMatchObject({ lineCount: 3, total: 125966n, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('writes the fixed-width registry in records of 170 bytes, amounts in implied decimals', async () => {
    const registry = await renderRegistry(recipe('payee-registry-fixed'), LINES);

    const records = registry.bytes.toString('ascii').split('\r\n').slice(0, -1);
    expect(registry.fileName).toBe('mobile-topup.20261208.000007.REG');
    expect(records.map((r) => r.length)).toEqual([170, 170, 170, 170, 170]);
    expect(records[0].trimEnd()).toBe(`RH${'mobile-topup'.padEnd(64)}20261208000000003${'20261209020005'}000007`);
    expect(records[2]).toBe(
      `RD1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4b0220261208021530${'411111******1111'.padEnd(64)}000000000000010EUR9b2f0c4e-1a7d-4c1e-8f3a-0d5e6b7c8a90`,
    );
    expect(records[4].trimEnd()).toBe('RT0000000030000000000000125966');
  });

  it.each(['payee-registry-csv', 'payee-registry-fixed'])('%s reads back field by field, its trailer balancing the lines', async (layout) => {
    const registry = await renderRegistry(recipe(layout), LINES);

    const read = await readLayoutFile(registryLayoutOf(REGISTRY_LAYOUTS[layout], 'mobile-topup'), Readable.from([registry.bytes]));

    expect(read.header).toMatchObject({ payeeId: 'mobile-topup', businessDay: '2026-12-08', lineCount: 3n });
    // The layouts write the time to the second.
    expect(read.details).toEqual(LINES.map((l) => ({ ...l, postedAt: new Date(Math.floor(l.postedAt.getTime() / 1000) * 1000) })));
    expect(read.trailer).toMatchObject({ lineCount: 3n, totalAmountMinor: 125966n });
  });

  it('gives the same bytes for the same recipe and lines, and other bytes for another moment of making', async () => {
    const first = await renderRegistry(recipe('payee-registry-csv'), LINES);
    const again = await renderRegistry(recipe('payee-registry-csv'), [...LINES]);
    const later = await renderRegistry({ ...recipe('payee-registry-csv'), madeAt: new Date('2026-12-09T02:01:00Z') }, LINES);

    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(later.sha256).not.toBe(first.sha256);
  });

  it('writes an empty day as a header and a trailer of zero lines', async () => {
    const registry = await renderRegistry(recipe('payee-registry-csv'), []);

    const text = registry.bytes.toString('utf8');
    expect(text).toMatch(
      /^H;mobile-topup;2026-12-08;0;0\.00;EUR;2026-12-09T02:00:05Z;7\r\nT;0;0;e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\r\n$/,
    );
    expect(registry).toMatchObject({ lineCount: 0, total: 0n });
  });

  it('refuses a line its layout cannot hold, naming the record and field, never the value', async () => {
    const tooLong = line(4, 1n, 'A'.repeat(65));

    await expect(renderRegistry(recipe('payee-registry-fixed'), [tooLong])).rejects.toThrow(
      'payee-registry-fixed: detail record 1, field account: 65 characters do not fit in its width of 64',
    );
  });
});

describe(registryLayoutProblem.name, () => {
  it('takes a shipped name or a definition, and names what a bad definition misses', async () => {
    await expect(registryLayoutProblem('payee-registry-fixed', 'p', 'EUR')).resolves.toEqual({ definition: REGISTRY_LAYOUTS['payee-registry-fixed'] });
    await expect(registryLayoutProblem('payee-registry-xml', 'p', 'EUR')).resolves.toEqual({
      problem: 'layout: expected a layout definition (an object) or the name of a shipped one (payee-registry-csv, payee-registry-fixed)',
    });
    const csv = REGISTRY_LAYOUTS['payee-registry-csv'] as { records: { detail: { fields: object[] } } };
    const unknownKey = { ...csv, records: { ...csv.records, detail: { fields: [...csv.records.detail.fields, { name: 'terminal', type: 'text' }] } } };
    await expect(registryLayoutProblem(unknownKey, 'p', 'EUR')).resolves.toEqual({
      problem: expect.stringMatching(/^layout: cannot write a sample registry: .*detail record 1, field terminal: /),
    });
    await expect(registryLayoutProblem({ ...csv, format: 'xml' }, 'p', 'EUR')).resolves.toEqual({ problem: expect.stringMatching(/^layout: format: /) });
  });
});

describe(lastDueDay.name, () => {
  it('is the day before yesterday until the due time, yesterday from it on', () => {
    expect(lastDueDay(new Date('2026-12-09T01:59:59.999Z'), 120)).toBe('2026-12-07');
    expect(lastDueDay(new Date('2026-12-09T02:00:00.000Z'), 120)).toBe('2026-12-08');
    // Never within the 5 minutes' grace after the day's end, however early it is due.
    expect(lastDueDay(new Date('2026-12-09T00:04:59.999Z'), 0)).toBe('2026-12-07');
    expect(lastDueDay(new Date('2026-12-09T00:05:00.000Z'), 0)).toBe('2026-12-08');
  });
});
