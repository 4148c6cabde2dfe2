import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { Inject, Injectable, Logger } from '@nestjs/common';

import type { SettlementFilesEnv } from '../files/config/settlement-files-env';
import { type FileResendOutcome, recordFailedFileAttempt, resendRecordedFile } from '../files/file-attempts';
import { ACQUIRER_FILE_DELIVERY, type AcquirerFileDeliveryFactory, SETTLEMENT_FILES_ENV } from '../files/settlement-file.sender';
import type { JournalFilesConfig } from './config/journal-files-env';
import { UnbalancedJournalError } from './journal-entry';
import type { JournalFile, JournalFileRecipe, WrittenJournalFile } from './journal-file';
import { JournalFileRepository } from './journal-file.repository';
import { writeJournalFile } from './journal-file.writer';

/** The journal files' configuration; undefined when SETTLEMENT_JOURNAL_FILES is not set. */
export const JOURNAL_FILES_CONFIG = Symbol('JournalFilesConfig');
/** The archive folder of the journal files (`<SETTLEMENT_FILES_DIR>/archive/_journal`): no acquirer id starts with '_'. */
export const JOURNAL_ARCHIVE = '_journal';

/** A re-generated journal file whose bytes are not those recorded as sent: never delivered. */
export class JournalFileMismatchError extends Error {
  constructor(file: JournalFileRecipe, recorded: string, regenerated: string) {
    super(`journal file ${file.fileName}: re-generated with SHA-256 ${regenerated}, but ${recorded} was sent; not delivered`);
  }
}

export type JournalResendOutcome = FileResendOutcome<JournalFile>;

/**
 * Writes a day's journal file in one currency (refused whole when its debits and credits differ),
 * delivers it through the archive (the files' delivery and working folder), and records it.
 */
@Injectable()
export class JournalFileSender {
  private readonly logger = new Logger(JournalFileSender.name);

  constructor(
    private readonly files: JournalFileRepository,
    @Inject(JOURNAL_FILES_CONFIG) private readonly config: JournalFilesConfig | undefined,
    @Inject(SETTLEMENT_FILES_ENV) private readonly env: SettlementFilesEnv,
    @Inject(ACQUIRER_FILE_DELIVERY) private readonly deliveryOf: AcquirerFileDeliveryFactory,
  ) {}

  /** With `recordedSha256`, a file whose bytes came out different is refused before anything is sent. */
  async send(file: JournalFileRecipe, now: Date, recordedSha256?: string): Promise<WrittenJournalFile> {
    const { config } = this;
    if (!config) throw new Error('no journal file configuration (SETTLEMENT_JOURNAL_FILES)');
    const workDir = join(this.env.SETTLEMENT_FILES_DIR, 'work');
    await mkdir(workDir, { recursive: true });
    const path = join(workDir, `${file.id}.${randomUUID()}.part`);
    try {
      const written = await writeJournalFile(file, await this.files.entriesOf(file), path);
      if (recordedSha256 !== undefined && written.sha256 !== recordedSha256) throw new JournalFileMismatchError(file, recordedSha256, written.sha256);
      const delivery = this.deliveryOf(JOURNAL_ARCHIVE, config.delivery, this.env.SETTLEMENT_FILES_DIR);
      await delivery.deliver({ path }, { folder: config.folder, name: file.fileName });
      await this.files.markDelivered(file, written, delivery.destination, now);
      return written;
    } finally {
      await rm(path, { force: true });
    }
  }

  /** One more failed attempt, with its error: retried after the doubling wait, failed after the last attempt. Returns the message. */
  async recordFailedAttempt(file: JournalFile, error: unknown, now: Date): Promise<string> {
    // Postings that do not balance are a bookkeeping fault, not a delivery one: said as an error, never sent.
    if (error instanceof UnbalancedJournalError) this.logger.error(error.message);
    return recordFailedFileAttempt(this.files, this.env, file, error, now);
  }

  /** An operator's re-send: written again, and delivered only with the SHA-256 recorded when it was sent. */
  resend(fileId: string, now: Date): Promise<JournalResendOutcome> {
    return resendRecordedFile<JournalFile>(this.files, this, (error) => error instanceof JournalFileMismatchError, fileId, now);
  }
}
