import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { assertValidPain001, type CreditTransferOrder, PaymentOrderRefusedError, writePain001 } from '@payments/payment-initiation';

import type { SettlementFilesEnv } from '../files/config/settlement-files-env';
import { type FileResendOutcome, recordFailedFileAttempt, resendRecordedFile } from '../files/file-attempts';
import { ACQUIRER_FILE_DELIVERY, type AcquirerFileDeliveryFactory, SETTLEMENT_FILES_ENV } from '../files/settlement-file.sender';
import type { MerchantPayout } from './merchant-payout.record';
import { MerchantPayoutRepository } from './merchant-payout.repository';
import type { PayoutFile, WrittenPayoutFile } from './payout-file';
import { PayoutFileRepository } from './payout-file.repository';
import { PAYOUTS_CONFIG, type ResolvedPayoutsConfig } from './payouts.config';

/** The archive folder of payout files (`<SETTLEMENT_FILES_DIR>/archive/_payouts`): no acquirer id starts with '_'. */
export const PAYOUT_ARCHIVE = '_payouts';

/** A re-generated payout file whose bytes are not those recorded as sent: never delivered. */
export class PayoutFileMismatchError extends Error {
  constructor(file: PayoutFile, recorded: string, regenerated: string) {
    super(`payout file ${file.fileName}: re-generated with SHA-256 ${regenerated}, but ${recorded} was sent; not delivered`);
  }
}

export type PayoutFileOutcome = FileResendOutcome<PayoutFile>;

export type PayoutFileContent =
  { readonly kind: 'not_found' } | { readonly kind: 'mismatch'; readonly message: string } | { readonly kind: 'content'; readonly xml: string };

interface RenderedFile {
  readonly xml: Buffer;
  readonly payouts: MerchantPayout[];
  readonly written: WrittenPayoutFile;
}

/**
 * Writes a batch's pain.001 from its stored rows (the same bytes every time), checks it against the
 * ISO 20022 schema (refused, never delivered, when it fails), delivers it through the archive (the
 * acquirer files' folder or SFTP delivery), and records it with its event.
 */
@Injectable()
export class PayoutFileSender {
  private readonly logger = new Logger(PayoutFileSender.name);

  constructor(
    private readonly files: PayoutFileRepository,
    private readonly payouts: MerchantPayoutRepository,
    @Inject(PAYOUTS_CONFIG) private readonly config: ResolvedPayoutsConfig | undefined,
    @Inject(SETTLEMENT_FILES_ENV) private readonly env: SettlementFilesEnv,
    @Inject(ACQUIRER_FILE_DELIVERY) private readonly deliveryOf: AcquirerFileDeliveryFactory,
  ) {}

  /** With `recordedSha256`, a file whose bytes came out different is refused before anything is sent. */
  async send(file: PayoutFile, now: Date, recordedSha256?: string): Promise<WrittenPayoutFile> {
    const { config } = this;
    if (!config) throw new Error('no payout configuration (SETTLEMENT_PAYOUTS)');
    const rendered = await this.render(file, recordedSha256);
    const delivery = this.deliveryOf(PAYOUT_ARCHIVE, config.delivery, this.env.SETTLEMENT_FILES_DIR);
    await delivery.deliver({ stream: Readable.from([rendered.xml]) }, { folder: config.folder, name: file.fileName });
    await this.files.markDelivered(file, rendered.payouts, rendered.written, delivery.destination, now);
    return rendered.written;
  }

  /** One more failed attempt, with its error: retried after the doubling wait, failed after the last attempt. Returns the message. */
  async recordFailedAttempt(file: PayoutFile, error: unknown, now: Date): Promise<string> {
    // A file the schema refuses is a fault in our data, not in the delivery: said as an error, never sent.
    if (error instanceof PaymentOrderRefusedError) this.logger.error(error.message);
    return recordFailedFileAttempt(this.files, this.env, file, error, now);
  }

  /** An operator's re-send: written again, and delivered only with the SHA-256 recorded when it was sent. */
  resend(fileId: string, now: Date): Promise<PayoutFileOutcome> {
    return resendRecordedFile<PayoutFile>(this.files, this, (error) => error instanceof PayoutFileMismatchError, fileId, now);
  }

  /** The file's text, re-generated (and refused when a sent file's bytes came out different). */
  async content(fileId: string): Promise<PayoutFileContent> {
    const file = await this.files.findById(fileId);
    if (!file) return { kind: 'not_found' };
    try {
      return { kind: 'content', xml: (await this.render(file, file.written?.sha256)).xml.toString('utf8') };
    } catch (error) {
      if (error instanceof PayoutFileMismatchError || error instanceof PaymentOrderRefusedError) return { kind: 'mismatch', message: error.message };
      throw error;
    }
  }

  private async render(file: PayoutFile, recordedSha256: string | undefined): Promise<RenderedFile> {
    const payouts = await this.payouts.ofFile(file.id);
    const text = writePain001(orderOf(file, payouts));
    await assertValidPain001(text, file.fileName);
    const xml = Buffer.from(text, 'utf8');
    const sha256 = createHash('sha256').update(xml).digest('hex');
    if (recordedSha256 !== undefined && sha256 !== recordedSha256) throw new PayoutFileMismatchError(file, recordedSha256, sha256);
    return { xml, payouts, written: { byteLength: xml.length, sha256 } };
  }
}

/** The credit transfers of a file's payouts, each as it was stored when the file was made. */
function orderOf(file: PayoutFile, payouts: readonly MerchantPayout[]): CreditTransferOrder {
  return {
    messageId: file.messageId,
    createdAt: file.createdAt,
    initiatingPartyName: file.initiatingParty,
    transfers: payouts.map((payout) => {
      if (!payout.creditor || !payout.debtor) throw new Error(`payout ${payout.id} of file ${file.fileName} has no account on record`);
      return {
        endToEndId: payout.id,
        amountMinor: payout.netMinor,
        currency: payout.currency,
        debtor: payout.debtor,
        creditor: payout.creditor,
        requestedExecutionDate: file.requestedExecutionDate,
        remittanceInfo: `settlement payout business day ${file.businessDay} batch ${file.batchId}`,
      };
    }),
  };
}
