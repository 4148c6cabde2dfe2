import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CertificateAuthority } from '@payments/pki';

import { CliInputError } from '../runner/cli-input.error';

export const CA_CERTIFICATE = 'ca.crt';
export const CA_KEY = 'ca.key';

/** The CA kept in a folder as `ca.crt` and `ca.key` (the key readable by its owner only). */
export function loadAuthority(dir: string): CertificateAuthority {
  const certificate = join(dir, CA_CERTIFICATE);
  const key = join(dir, CA_KEY);
  if (!existsSync(certificate) || !existsSync(key))
    throw new CliInputError(`--ca ${dir}: no ${CA_CERTIFICATE} and ${CA_KEY} there (make them with \`pki init-ca\`)`);
  return CertificateAuthority.load(readFileSync(certificate, 'utf8'), readFileSync(key, 'utf8'));
}

/** Writes new files only: an existing certificate or key is never overwritten. */
export function writeNewFiles(dir: string, files: Record<string, { content: string; secret: boolean }>): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const paths = Object.fromEntries(Object.keys(files).map((name) => [name, join(dir, name)]));
  for (const path of Object.values(paths)) if (existsSync(path)) throw new CliInputError(`${path} exists already: choose another --out, nothing was written`);
  for (const [name, file] of Object.entries(files)) writeFileSync(paths[name], file.content, { mode: file.secret ? 0o600 : 0o644, flag: 'wx' });
  return paths;
}

/** A whole number of days from an option, named in the error. */
export function daysOf(option: string, value: string): number {
  if (!/^[0-9]{1,5}$/.test(value)) throw new CliInputError(`${option} must be a whole number of days`);
  return Number(value);
}
