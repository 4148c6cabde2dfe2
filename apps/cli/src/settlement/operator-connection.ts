import { CliUsageError } from './cli-usage.error';

/** The embedded mode's operator listener (OPERATOR_PORT 8081 on HOST 127.0.0.1). */
export const EMBEDDED_OPERATOR_URL = 'http://127.0.0.1:8081';

/** An API key as the operator guard reads it (`Bearer <key>`): visible ASCII, no spaces. */
const HEADER_SAFE_KEY = /^[\x21-\x7e]+$/;

/** Where the operator API is and the key it takes; the key never comes from a flag. */
export interface OperatorConnection {
  readonly url: URL;
  readonly key: string;
}

export function operatorConnectionOf(urlOption: string | undefined, env: NodeJS.ProcessEnv): OperatorConnection {
  const url = operatorUrlOf(urlOption ?? env.PAYMENTS_OPERATOR_URL ?? EMBEDDED_OPERATOR_URL, urlOption === undefined ? 'PAYMENTS_OPERATOR_URL' : '--url');
  const key = env.PAYMENTS_OPERATOR_KEY ?? '';
  if (key === '') throw new CliUsageError('PAYMENTS_OPERATOR_KEY is not set: export the operator key (the embedded mode prints its demo key at start)');
  // Checked here so a key that is no header value never reaches fetch, whose error would quote it.
  if (!HEADER_SAFE_KEY.test(key)) throw new CliUsageError('PAYMENTS_OPERATOR_KEY must be visible ASCII characters without spaces');
  return { url, key };
}

function operatorUrlOf(value: string, source: string): URL {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
    throw new CliUsageError(`${source} must be an http(s) URL such as ${EMBEDDED_OPERATOR_URL}, not "${value}"`);
  }
  // fetch refuses them, quoting the URL; and a password, like the key, belongs in no command line.
  if (url.username !== '' || url.password !== '') throw new CliUsageError(`${source} must not carry a user or password: the key is PAYMENTS_OPERATOR_KEY`);
  return url;
}

/** The URL as error lines show it. */
export const shownUrl = (url: URL): string => url.href.replace(/\/$/, '');
