import type { SettlementFilesEnv } from './config/settlement-files-env';
import { retryDelayMs } from './settlement-file';

/** A file table whose rows keep their delivery attempts. */
export interface AttemptedFiles<F> {
  findById(id: string): Promise<F | undefined>;
  markAttemptFailed(id: string, error: string, maxAttempts: number, retryAt: Date): Promise<void>;
}

/**
 * One more failed attempt of a file, with its error: tried again after the doubling wait, failed
 * after the last attempt (a delivered file stays delivered). Returns the error's message.
 */
export async function recordFailedFileAttempt(
  files: AttemptedFiles<unknown>,
  env: SettlementFilesEnv,
  file: { readonly id: string; readonly attempts: number },
  error: unknown,
  now: Date,
): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  const retryAt = new Date(now.getTime() + retryDelayMs(file.attempts + 1, env.SETTLEMENT_FILES_RETRY_MS));
  await files.markAttemptFailed(file.id, message, env.SETTLEMENT_FILES_MAX_ATTEMPTS, retryAt);
  return message;
}

/** What an operator's re-send of a recorded file comes to. */
export type FileResendOutcome<F> =
  | { readonly kind: 'not_found' }
  | { readonly kind: 'mismatch'; readonly message: string }
  /** Written, but the destination refused or did not answer: recorded as one more failed attempt. */
  | { readonly kind: 'delivery_failed'; readonly message: string }
  | { readonly kind: 'sent'; readonly file: F };

/** Writes a file (refused with `mismatch` when `recordedSha256` is given and the bytes differ) and delivers it, or records why it could not. */
export interface RecordedFileSender<F> {
  send(file: F, now: Date, recordedSha256?: string): Promise<unknown>;
  recordFailedAttempt(file: F, error: unknown, now: Date): Promise<string>;
}

/**
 * An operator's re-send: the file written again and delivered only with the SHA-256 recorded when
 * it was sent; bytes that came out different (`isMismatch`) deliver nothing, any other failure is
 * one more failed attempt.
 */
export async function resendRecordedFile<F extends { readonly written: { readonly sha256: string } | null }>(
  files: Pick<AttemptedFiles<F>, 'findById'>,
  sender: RecordedFileSender<F>,
  isMismatch: (error: unknown) => error is Error,
  fileId: string,
  now: Date,
): Promise<FileResendOutcome<F>> {
  const file = await files.findById(fileId);
  if (!file) return { kind: 'not_found' };
  try {
    await sender.send(file, now, file.written?.sha256);
    return { kind: 'sent', file: (await files.findById(fileId)) ?? file };
  } catch (error) {
    if (isMismatch(error)) return { kind: 'mismatch', message: error.message };
    return { kind: 'delivery_failed', message: await sender.recordFailedAttempt(file, error, now) };
  }
}
