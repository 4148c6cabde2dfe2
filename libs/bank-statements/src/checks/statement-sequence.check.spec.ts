import { checkStatementSequence, type SequencedStatement } from './statement-sequence.check';

const statement = (id: string, number: number | null, page: number | null = null, account = 'CH29'): SequencedStatement => ({
  id,
  account,
  sequence: number === null ? null : { number, page },
});

describe(checkStatementSequence.name, () => {
  const sut = checkStatementSequence;

  it('accepts a series without gaps or repeats, in any order, and several pages of one statement', () => {
    expect(sut([statement('c', 3), statement('a', 1), statement('b1', 2, 1), statement('b2', 2, 2)])).toEqual([]);
  });

  it('reports the same statement imported twice as a duplicate naming both', () => {
    expect(sut([statement('a', 1), statement('b', 2), statement('b-again', 2)])).toEqual([
      { code: 'duplicate-statement', severity: 'error', message: 'account CH29: statement b-again repeats sequence number 2/1 of statement b' },
    ]);
  });

  it('reports a repeated id as a duplicate where the format gives no number', () => {
    expect(sut([statement('N1', null), statement('N1', null)])).toEqual([
      { code: 'duplicate-statement', severity: 'error', message: 'account CH29: statement N1 repeats id N1 of statement N1' },
    ]);
  });

  it('reports a gap naming the missing numbers', () => {
    expect(sut([statement('a', 117), statement('b', 120)])).toEqual([
      { code: 'sequence-gap', severity: 'error', message: 'account CH29: statements 118, 119 are missing between 117 and 120' },
    ]);
  });

  it('abbreviates a long gap after ten numbers', () => {
    expect(sut([statement('a', 1), statement('b', 20)])[0]?.message).toBe(
      'account CH29: statements 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 8 more are missing between 1 and 20',
    );
  });

  it('checks each account on its own', () => {
    expect(sut([statement('a', 1, null, 'A'), statement('b', 5, null, 'B'), statement('c', 2, null, 'A')])).toEqual([]);
  });
});
