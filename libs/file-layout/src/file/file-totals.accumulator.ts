import { createHash, type Hash } from 'node:crypto';

import type { FileLayout } from '../definition/file-layout.model';
import type { FieldCodec } from '../field/field.codec';
import { integerValue } from '../field/minor-units.value';
import type { RecordValues } from '../record/record.codec';

/** What a file adds up to: the trailer's computed fields, and what the writer and the reader report. */
export interface FileTotals {
  /** Detail lines. */
  readonly detailCount: number;
  /** Every line, header and trailer included. */
  readonly lineCount: number;
  /**
   * The sum of each detail field that a trailer total names, by that detail field's name; a total
   * of only some details (`when`) by the trailer field's name.
   */
  readonly totals: Readonly<Record<string, bigint>>;
  /** SHA-256 hex of the detail lines' bytes, or the hash total; undefined when the layout declares none. */
  readonly checksum: string | bigint | undefined;
}

/**
 * Running counts, totals and checksum over the detail lines, in one pass (bigint sums, so no
 * total ever loses a cent). The writer feeds it what it writes, the reader what it reads.
 */
export class FileTotalsAccumulator {
  private detailCount = 0;
  private readonly sums = new Map<string, { key: string; sum: bigint; when?: { key: string; equals: string } }>();
  private readonly hash: Hash | undefined;
  private readonly hashTotalKey: string | undefined;
  private hashTotal = 0n;
  private readonly hashEncoding: 'utf8' | 'latin1';

  constructor(private readonly layout: FileLayout) {
    for (const field of layout.trailer?.fields ?? []) {
      const of = field.source === 'total' ? field.definition.of : undefined;
      const summed = of === undefined ? undefined : layout.detail.byName.get(of);
      const when = field.definition.when;
      const filter = when && layout.detail.byName.get(when.field);
      if (summed && filter) this.sums.set(totalName(field), { key: summed.key, sum: 0n, when: { key: filter.key, equals: when.equals } });
      else if (summed) this.sums.set(totalName(field), { key: summed.key, sum: 0n });
    }
    const checksum = layout.definition.checksum;
    this.hash = checksum?.algorithm === 'sha256' ? createHash('sha256') : undefined;
    this.hashTotalKey = checksum?.algorithm === 'hash-total' ? layout.detail.byName.get(checksum.of)?.key : undefined;
    this.hashEncoding = layout.encoding === 'utf-8' ? 'utf8' : 'latin1';
  }

  /** Adds one detail: its values and its line as written (line ending included). */
  add(values: RecordValues, line: string): void {
    this.detailCount += 1;
    for (const entry of this.sums.values()) {
      if (entry.when && String(values[entry.when.key]) !== entry.when.equals) continue;
      entry.sum += integerValue(values[entry.key]);
    }
    if (this.hash) this.hash.update(line, this.hashEncoding);
    if (this.hashTotalKey !== undefined) {
      const value = values[this.hashTotalKey];
      // A hash total adds the field's digits as numbers; a sign is not part of them.
      const n = typeof value === 'string' ? BigInt(value === '' ? 0 : value) : integerValue(value);
      this.hashTotal += n < 0n ? -n : n;
    }
  }

  /** The totals so far; call once, after the last detail (the SHA-256 is then final). */
  finish(): FileTotals {
    const totals: Record<string, bigint> = {};
    for (const [name, entry] of this.sums) totals[name] = entry.sum;
    return {
      detailCount: this.detailCount,
      lineCount: this.detailCount + (this.layout.header ? 1 : 0) + (this.layout.trailer ? 1 : 0),
      totals,
      checksum: this.hash ? this.hash.digest('hex') : this.hashTotalKey !== undefined ? this.hashTotal : undefined,
    };
  }
}

/** Where a trailer total's sum is kept: under the detail field summed, or the trailer field's own name when it sums only some details. */
function totalName(field: FieldCodec): string {
  return field.definition.when ? field.name : (field.definition.of ?? '');
}

/** The value the trailer writes for a computed field, from the totals. */
export function trailerValue(field: FieldCodec, totals: FileTotals): bigint | string | undefined {
  const def = field.definition;
  switch (field.source) {
    case 'recordCount':
      return BigInt(def.counts === 'lines' ? totals.lineCount : totals.detailCount);
    case 'total':
      return totals.totals[totalName(field)];
    case 'checksum':
      return typeof totals.checksum === 'bigint' && field.width !== undefined ? totals.checksum % 10n ** BigInt(field.width) : totals.checksum;
    case 'value':
    case 'constant':
    case 'sequence':
    case 'businessDay':
    case 'createdAt':
      return undefined;
  }
}
