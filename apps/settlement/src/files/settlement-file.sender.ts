import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import type { FileDelivery } from '@payments/file-delivery';

import type { AcquirerFileConfig, SettlementFilesEnv } from './config/settlement-files-env';
import { writeAcquirerFile } from './acquirer-file.writer';
import { recordFailedFileAttempt } from './file-attempts';
import type { FileRecipe, SettlementFile, WrittenFile } from './settlement-file';
import { SettlementFileRepository } from './settlement-file.repository';

export const SETTLEMENT_FILES_ENV = Symbol('SettlementFilesEnv');
/** Builds an acquirer's destination (archive + folder or SFTP); a spec swaps in one that fails. */
export const ACQUIRER_FILE_DELIVERY = Symbol('AcquirerFileDelivery');
export type AcquirerFileDeliveryFactory = (acquirerId: string, config: AcquirerFileConfig['delivery'], filesDir: string) => FileDelivery;

/** A re-generated file whose bytes are not those recorded as sent: never delivered. */
export class FileMismatchError extends Error {
  constructor(file: FileRecipe, recorded: string, regenerated: string) {
    super(`file ${file.fileName} of batch ${file.batchId}: re-generated with SHA-256 ${regenerated}, but ${recorded} was sent; not delivered`);
  }
}

/** What a sending did: the file as written, where it went, and whether the receiver already had it. */
export interface SentFile {
  readonly written: WrittenFile;
  readonly destination: string;
  readonly outcome: 'delivered' | 'already-delivered';
}

/**
 * Writes a batch's file (streaming from the database into a temporary file), delivers it through
 * the archive, and records it delivered with `settlement.file.sent.v1` in one transaction.
 */
@Injectable()
export class SettlementFileSender {
  constructor(
    private readonly files: SettlementFileRepository,
    @Inject(SETTLEMENT_FILES_ENV) private readonly env: SettlementFilesEnv,
    @Inject(ACQUIRER_FILE_DELIVERY) private readonly deliveryOf: AcquirerFileDeliveryFactory,
  ) {}

  configOf(acquirerId: string): AcquirerFileConfig | undefined {
    return this.env.SETTLEMENT_FILES[acquirerId];
  }

  /** With `recordedSha256`, a file whose bytes came out different is refused before anything is sent. */
  async send(file: FileRecipe, now: Date, recordedSha256?: string): Promise<SentFile> {
    const config = this.configOf(file.acquirerId);
    if (!config) throw new Error(`acquirer ${file.acquirerId} has no file configuration (SETTLEMENT_FILES)`);
    const workDir = join(this.env.SETTLEMENT_FILES_DIR, 'work');
    await mkdir(workDir, { recursive: true });
    // A name of its own: an operator's re-send may run while the pass sends the same file.
    const path = join(workDir, `${file.id}.${randomUUID()}.part`);
    try {
      const written = await writeAcquirerFile(file, this.files.linesOf(file.batchId), path);
      if (recordedSha256 !== undefined && written.sha256 !== recordedSha256) throw new FileMismatchError(file, recordedSha256, written.sha256);
      const delivery = this.deliveryOf(file.acquirerId, config.delivery, this.env.SETTLEMENT_FILES_DIR);
      const receipt = await delivery.deliver({ path }, { folder: config.folder, name: file.fileName });
      await this.files.markDelivered(file, written, delivery.destination, now);
      return { written, destination: delivery.destination, outcome: receipt.outcome };
    } finally {
      await rm(path, { force: true });
    }
  }

  /**
   * One more failed attempt, with its error: tried again after the doubling wait, failed after the
   * last attempt (a delivered file stays delivered). Returns the error's message.
   */
  recordFailedAttempt(file: SettlementFile, error: unknown, now: Date): Promise<string> {
    return recordFailedFileAttempt(this.files, this.env, file, error, now);
  }
}
