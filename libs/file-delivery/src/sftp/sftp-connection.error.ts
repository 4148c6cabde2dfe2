import { DeliveryConnectionError, type DeliveryConnectionFailure } from '../file-delivery.errors';

interface TransportError {
  readonly level?: string;
  readonly code?: string;
  readonly message?: string;
}

// ssh2 marks its errors with a level; sockets with an errno code.
function failureOf(error: TransportError): DeliveryConnectionFailure {
  if (error.level === 'client-authentication') return 'auth-refused';
  if (error.level === 'client-timeout') return 'timeout';
  if (error.level === 'client-dns' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return 'host-not-found';
  if (error.code === 'ECONNREFUSED') return 'refused';
  if (/host denied/i.test(error.message ?? '')) return 'host-key-mismatch';
  if (/private ?key/i.test(error.message ?? '')) return 'private-key-unusable';
  return 'lost';
}

/**
 * A typed error naming endpoint and failure. Key-related failures carry no transport detail at
 * all, so no part of a key (or a parser's view of one) can reach a log through this error.
 */
export function connectionErrorOf(endpoint: string, raw: unknown): DeliveryConnectionError {
  const error = (raw ?? {}) as TransportError;
  const failure = failureOf(error);
  const quiet = failure === 'auth-refused' || failure === 'private-key-unusable' || failure === 'host-key-mismatch';
  return new DeliveryConnectionError(endpoint, failure, quiet ? undefined : (error.code ?? error.message));
}
