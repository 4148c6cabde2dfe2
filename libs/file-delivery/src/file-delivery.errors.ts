import type { DeliveryTarget } from './file-delivery.port';

export function describeTarget(target: DeliveryTarget): string {
  return target.folder === '' ? target.name : `${target.folder}/${target.name}`;
}

export abstract class FileDeliveryError extends Error {
  override get name(): string {
    return this.constructor.name;
  }
}

/** A folder or file name that could escape the destination's root or hide as a transfer in progress. */
export class InvalidDeliveryNameError extends FileDeliveryError {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(`invalid delivery path '${value}': ${reason}`);
  }
}

/** A delivered file with different bytes already has that name: never overwritten. */
export class DeliveryConflictError extends FileDeliveryError {
  constructor(
    readonly target: DeliveryTarget,
    destination: string,
    there: { sizeBytes: number; sha256?: string },
    sent: { sizeBytes: number; sha256: string },
  ) {
    const thereHash = there.sha256 ? `, sha256 ${there.sha256}` : '';
    super(
      `${describeTarget(target)} is already delivered to ${destination} with different bytes ` +
        `(there: ${there.sizeBytes} bytes${thereHash}; this one: ${sent.sizeBytes} bytes, sha256 ${sent.sha256}); not overwritten`,
    );
  }
}

/** The transfer broke off (the source failed, the far side refused a write): nothing is under the name. */
export class DeliveryTransferError extends FileDeliveryError {
  constructor(
    readonly target: DeliveryTarget,
    destination: string,
    cause: unknown,
  ) {
    super(`${describeTarget(target)} was not delivered to ${destination}: ${messageOf(cause)}; nothing is under that name`, { cause });
  }
}

/** The far side's copy is not what was sent (size or read-back hash): removed, not renamed into place. */
export class DeliveryVerificationError extends FileDeliveryError {
  constructor(
    readonly target: DeliveryTarget,
    destination: string,
    detail: string,
  ) {
    super(`${describeTarget(target)} arrived altered at ${destination} (${detail}); removed, nothing is under that name`);
  }
}

export class DeliveredFileNotFoundError extends FileDeliveryError {
  constructor(
    readonly target: DeliveryTarget,
    destination: string,
  ) {
    super(`${describeTarget(target)} is not at ${destination}`);
  }
}

export type DeliveryConnectionFailure = 'refused' | 'timeout' | 'auth-refused' | 'host-key-mismatch' | 'host-not-found' | 'private-key-unusable' | 'lost';

const failureWords: Record<DeliveryConnectionFailure, string> = {
  refused: 'connection refused (is the server down?)',
  timeout: 'no answer within the timeout (handshake and login, or keepalives later)',
  'auth-refused': 'authentication refused (the key is not accepted for this user)',
  'host-key-mismatch': "the server's host key is not the expected one",
  'host-not-found': 'host name not found',
  'private-key-unusable': 'the private key could not be read or parsed',
  lost: 'connection lost',
};

/**
 * Reaching or logging in to the far side failed. The message names host:port and what failed; it
 * never carries key material (only the failure's kind and the transport's own short reason).
 */
export class DeliveryConnectionError extends FileDeliveryError {
  constructor(
    readonly endpoint: string,
    readonly failure: DeliveryConnectionFailure,
    detail?: string,
  ) {
    super(`${endpoint}: ${failureWords[failure]}${detail ? ` [${detail}]` : ''}`);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
