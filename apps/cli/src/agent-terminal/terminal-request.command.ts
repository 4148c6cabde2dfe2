import { createPrivateKey, type KeyObject, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { terminalRequestHeaders } from '@payments/contracts';

import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { toErrorLine } from '../runner/error-line.util';
import { CliUsageError, USAGE_EXIT_CODE } from '../settlement/cli-usage.error';

/** The embedded mode's public listener (PORT 8080), where the agents' terminal API answers. */
export const EMBEDDED_TERMINAL_URL = 'http://127.0.0.1:8080';

export interface TerminalRequestOptions {
  readonly key: string;
  readonly terminal: string;
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly idempotencyKey?: string;
  readonly url?: string;
  readonly curl?: boolean;
}

interface SignedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const METHODS = ['GET', 'POST'];

/**
 * `agents terminal-request`: one request to the agents' terminal API signed as a terminal (the
 * terminal-request.v1 signature of @payments/contracts, which covers the Idempotency-Key too, its
 * Ed25519 private key read from a PEM file and never printed), sent with the answer printed as one JSON line `{"status", "body"}`
 * (exit 0 for 2xx, 1 otherwise), or with --curl printed as a curl command to run within 5 minutes.
 */
export async function runTerminalRequest(options: TerminalRequestOptions, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  let request: SignedRequest;
  try {
    request = await signedRequestOf(options, env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`${toErrorLine(error)}\n`);
    return USAGE_EXIT_CODE;
  }
  return runCommand(io, () => (options.curl ? curlOf(request) : send(request)));
}

async function signedRequestOf(options: TerminalRequestOptions, env: NodeJS.ProcessEnv): Promise<SignedRequest> {
  const method = options.method.toUpperCase();
  if (!METHODS.includes(method)) throw new CliUsageError(`--method must be GET or POST, not "${options.method}"`);
  if (!options.path.startsWith('/v1/agent-terminal/')) throw new CliUsageError(`--path must start with /v1/agent-terminal/, not "${options.path}"`);
  if (method === 'GET' && options.body !== undefined) throw new CliUsageError('--body goes with --method POST only');
  const base = options.url ?? env.PAYMENTS_TERMINAL_URL ?? EMBEDDED_TERMINAL_URL;
  if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol))
    throw new CliUsageError(`--url must be an http(s) URL such as ${EMBEDDED_TERMINAL_URL}, not "${base}"`);
  const body = method === 'POST' ? (options.body ?? '{}') : undefined;
  const headers = terminalRequestHeaders(
    {
      terminalId: options.terminal,
      method,
      pathWithQuery: options.path,
      body: Buffer.from(body ?? '', 'utf8'),
      nonce: randomBytes(16).toString('hex'),
      idempotencyKey: options.idempotencyKey,
      now: new Date(),
    },
    await privateKeyOf(options.key),
  );
  return {
    url: `${base.replace(/\/+$/, '')}${options.path}`,
    method,
    headers: {
      ...headers,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body,
  };
}

async function privateKeyOf(file: string): Promise<KeyObject> {
  let pem: Buffer;
  try {
    pem = await readFile(file);
  } catch {
    throw new CliUsageError(`--key: cannot read ${file}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CliUsageError(`--key: ${file} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CliUsageError(`--key: ${file} is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return key;
}

async function send(request: SignedRequest): Promise<string> {
  let response: Response;
  try {
    response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new Error(`cannot reach ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON: kept as text
  }
  const answer = JSON.stringify({ status: response.status, body });
  if (!response.ok) throw new Error(answer);
  return answer;
}

/** Single quotes for a POSIX shell: nothing inside is expanded. */
const quoted = (text: string): string => `'${text.split("'").join(`'\\''`)}'`;

function curlOf(request: SignedRequest): string {
  const parts = [
    'curl -s',
    `-X ${request.method}`,
    quoted(request.url),
    ...Object.entries(request.headers).map(([name, value]) => `-H ${quoted(`${name}: ${value}`)}`),
  ];
  if (request.body !== undefined) parts.push(`--data-binary ${quoted(request.body)}`);
  return parts.join(' ');
}
