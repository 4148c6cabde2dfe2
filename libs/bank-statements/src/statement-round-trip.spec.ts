import fc from 'fast-check';

import type { BankStatement } from './model/bank-statement.model';
import { parseBankStatements } from './statement.parser';
import { renderCamt053 } from './testing/camt053.renderer';
import { renderMt940 } from './testing/mt940.renderer';
import type { RenderedEntry, RenderedStatement } from './testing/rendered-statement.model';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1);
// MT940 writes two-digit years read as 2000-2079: stay inside them.
const DAYS = 29_000;
const isoDay = (day: number): string => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9&<>'"]{0,11}$/);
const remittanceLine = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

const entry: fc.Arbitrary<RenderedEntry> = fc
  .record({
    amountMinor: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    direction: fc.constantFrom('credit' as const, 'debit' as const),
    valueDay: fc.integer({ min: 0, max: DAYS }),
    bookedAfter: fc.integer({ min: 0, max: 3 }),
    reference: fc.option(fc.stringMatching(/^[A-Z0-9]{1,16}$/).filter((ref) => ref !== 'NONREF')),
    remittanceInfo: fc.option(fc.array(remittanceLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'))),
  })
  .map(({ valueDay, bookedAfter, ...rest }) => ({ ...rest, valueDate: isoDay(valueDay), bookingDate: isoDay(valueDay + bookedAfter) }));

const signed = (e: RenderedEntry): bigint => (e.direction === 'credit' ? e.amountMinor : -e.amountMinor);

/** A statement that balances: its closing balance is the opening plus its entries. */
const statement: fc.Arbitrary<RenderedStatement> = fc
  .record({
    id: fc.stringMatching(/^[A-Z0-9]{1,16}$/),
    account: fc.stringMatching(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{4,20}$/),
    currency: fc.constantFrom('EUR', 'JPY', 'KWD', 'CHF'),
    sequenceNumber: fc.integer({ min: 0, max: 99_999 }),
    openingMinor: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
    openingDay: fc.integer({ min: 0, max: DAYS }),
    closingDay: fc.integer({ min: 0, max: DAYS }),
    entries: fc.array(entry, { maxLength: 6 }),
  })
  .map(({ openingMinor, openingDay, closingDay, entries, ...rest }) => ({
    ...rest,
    entries,
    opening: { amountMinor: openingMinor, date: isoDay(openingDay) },
    closing: { amountMinor: entries.reduce((sum, e) => sum + signed(e), openingMinor), date: isoDay(closingDay) },
  }));

/** The model a parser must give back for a rendered statement. */
function expected(source: RenderedStatement): Partial<BankStatement> {
  const { currency } = source;
  return {
    id: source.id,
    account: source.account,
    currency,
    sequence: { number: source.sequenceNumber, page: null },
    opening: { ...source.opening, currency },
    closing: { ...source.closing, currency },
    entries: source.entries.map((e) => ({ ...e, currency, status: 'booked', reversal: false })),
    balanced: true,
    issues: [],
  };
}

describe('statement round trip', () => {
  const sut = parseBankStatements;
  const statements = fc.array(statement, { minLength: 1, maxLength: 3 });

  it('gives back the same statements from camt.053 (every supported version)', () => {
    fc.assert(
      fc.property(statements, fc.constantFrom('02', '03', '04', '05', '06', '07', '08'), (sources, version) => {
        expect(sut(renderCamt053(sources, version), 'camt053')).toMatchObject(sources.map(expected));
      }),
    );
  });

  it('gives back the same statements from MT940', () => {
    fc.assert(
      fc.property(statements, (sources) => {
        expect(sut(renderMt940(sources), 'mt940')).toMatchObject(sources.map(expected));
      }),
    );
  });
});
