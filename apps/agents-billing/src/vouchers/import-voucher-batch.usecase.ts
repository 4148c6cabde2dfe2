import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import type { StockKey } from './voucher';
import { voucherLinesOf } from './voucher-batch-lines';
import { type VoucherBatch, VoucherBatchRepository } from './voucher-batch.repository';
import { VoucherCodeCipher } from './voucher-code.cipher';
import { VoucherStockWatch } from './voucher-stock.watch';

export interface ImportVoucherBatchCommand extends StockKey {
  /** The caller's id: the same id and body again answers the first import; another body is refused. */
  readonly batchId: string;
  readonly expiresAt: Date | null;
  /** Either the vouchers as JSON lines or as CSV text (`serial,code` per line). */
  readonly vouchers?: readonly { serial: string; code: string }[];
  readonly csv?: string;
  readonly now: Date;
}

export type ImportVoucherBatchOutcome =
  | { readonly kind: 'imported' | 'existing'; readonly batch: VoucherBatch }
  /** A line of the body is malformed or repeats a serial or code of the batch, or of the provider's stock: nothing imported. */
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'id_reused' };

/**
 * A provider's batch into the stock, whole or not at all: every line checked, each code sealed
 * (envelope AES-256-GCM) and fingerprinted, a serial or code already in the batch or in the
 * provider's stock refused naming its line; then the low-stock check of that stock.
 */
@Injectable()
export class ImportVoucherBatchUseCase {
  constructor(
    private readonly batches: VoucherBatchRepository,
    private readonly cipher: VoucherCodeCipher,
    private readonly watch: VoucherStockWatch,
  ) {}

  async execute(command: ImportVoucherBatchCommand): Promise<ImportVoucherBatchOutcome> {
    const parsed = voucherLinesOf(command);
    if (!parsed.ok) return { kind: 'refused', message: parsed.message };
    const lines = parsed.lines.map(({ serial, code, line }) => ({
      serial,
      line,
      sealed: this.cipher.seal(code),
      fingerprint: this.cipher.fingerprint(command.providerId, code),
    }));
    const requestHash = createHash('sha256')
      .update(JSON.stringify([command.providerId, command.denomination.toString(), command.currency, command.expiresAt?.toISOString() ?? null]))
      .update(JSON.stringify(lines.map((l) => [l.serial, l.fingerprint])))
      .digest('hex');
    const { batchId: id, providerId, denomination, currency, expiresAt, now } = command;
    const result = await this.batches.insert({ id, providerId, denomination, currency, expiresAt, requestHash, importedAt: now }, lines);
    switch (result.kind) {
      case 'duplicate':
        return {
          kind: 'refused',
          message: `${result.line}: ${result.what === 'serial' ? `serial ${result.serial}` : `the code of serial ${result.serial}`} is already in ${providerId}'s stock`,
        };
      case 'existing':
        return result.batch.requestHash === requestHash ? result : { kind: 'id_reused' };
      case 'imported':
        await this.watch.check(command, now);
        return result;
    }
  }
}
