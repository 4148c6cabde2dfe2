import { type OperatorConnection, shownUrl } from './operator-connection';

/** One call of the settlement operator API, as the commands map their options to it. */
export interface OperatorRequest {
  readonly method: 'GET' | 'POST';
  /** From the API's root, its segments already safe in a URL (the options are checked first). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: { readonly bytes: Buffer; readonly contentType: string };
}

/** close-day waits on the day's close and resend on the acquirer's server: generous, never endless. */
export const ANSWER_TIMEOUT_MS = 120_000;

/**
 * Sends the request with `Authorization: Bearer <key>` and resolves to the API's JSON answer as one
 * line; rejects with the line's text for an error answer (`<status> <the API's message>`) or an API
 * that cannot be reached. The key never appears in either: any echo of it is masked.
 */
export async function sendOperatorRequest(connection: OperatorConnection, request: OperatorRequest, timeoutMs = ANSWER_TIMEOUT_MS): Promise<string> {
  const mask = (text: string): string => text.split(connection.key).join('***');
  let response: Response;
  try {
    response = await fetch(requestUrl(connection.url, request), {
      method: request.method,
      headers: { authorization: `Bearer ${connection.key}`, accept: 'application/json', ...(request.body && { 'content-type': request.body.contentType }) },
      body: request.body?.bytes,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(mask(`cannot reach ${shownUrl(connection.url)}: ${unreachableReason(error, timeoutMs)}`));
  }
  const text = await response.text();
  const answer = parsedJson(text);
  if (!response.ok) throw new Error(mask(`${response.status} ${apiMessageOf(answer) ?? (response.statusText || 'no message')}`));
  if (answer === undefined) throw new Error(`${response.status} answer that is not JSON`);
  return mask(JSON.stringify(answer));
}

function requestUrl(base: URL, request: OperatorRequest): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${request.path}`;
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
}

/** Duck-typed: fetch's errors come from node's own realm, where `instanceof Error` of another one fails. */
const errorLike = (value: unknown): ErrorLike => (typeof value === 'object' && value !== null ? value : { message: String(value) });

function unreachableReason(error: unknown, timeoutMs: number): string {
  const failure = errorLike(error);
  if (failure.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  // fetch fails with "fetch failed"; the socket's error (ECONNREFUSED, ENOTFOUND...) is its cause.
  const cause = failure.cause === undefined ? failure : errorLike(failure.cause);
  return [cause.message, cause.code, failure.message].find((text): text is string => typeof text === 'string' && text !== '') ?? 'unknown error';
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The platform's error body: `message` as text or a list of reasons; a 409 names the original import. */
function apiMessageOf(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const { message, originalImportId } = answer as { message?: unknown; originalImportId?: unknown };
  const text = Array.isArray(message) ? message.map(String).join('; ') : typeof message === 'string' ? message : undefined;
  if (text === undefined) return undefined;
  return typeof originalImportId === 'string' ? `${text} (originalImportId ${originalImportId})` : text;
}
