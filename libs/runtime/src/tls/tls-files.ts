import { readFileSync } from 'node:fs';
import type { Server as TlsServer } from 'node:tls';
import { createPrivateKey, X509Certificate } from 'node:crypto';

import { ConfigError, ConfigProblem } from '@payments/config';
import type { GrpcTlsFiles } from '@payments/rpc';

import { InternalTlsEnv } from './internal-tls.env';

/** A rotated certificate is served within this time. */
const REFRESH_INTERVAL_MS = 60_000;

interface Identity {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/**
 * The process's TLS files, checked at boot (each readable, PEM, the key belonging to the
 * certificate, the CA a certificate). HTTPS listeners serve the certificate without asking
 * clients for one (kubelet probes and Prometheus scrape them; operator routes have their own
 * credentials); the internal gRPC servers take the same files with mutual TLS. Both re-read the
 * files while running, so a renewed certificate needs no restart.
 */
export class TlsFiles {
  private constructor(
    readonly grpc: GrpcTlsFiles,
    private readonly identity: Identity,
  ) {}

  /** From the validated environment: undefined when TLS is off (no file named); ConfigError naming each wrong variable. */
  static fromEnv(env: InternalTlsEnv, refreshIntervalMs = REFRESH_INTERVAL_MS): TlsFiles | undefined {
    const named = { TLS_CERT_FILE: env.TLS_CERT_FILE, TLS_KEY_FILE: env.TLS_KEY_FILE, TLS_CA_FILE: env.TLS_CA_FILE };
    const given = Object.entries(named).filter(([, path]) => path !== undefined);
    if (given.length === 0) return undefined;
    const problems: ConfigProblem[] = Object.entries(named)
      .filter(([, path]) => path === undefined)
      .map(([variable]) => ({ variable, reason: `required when ${given.map(([name]) => name).join(' and ')} ${given.length === 1 ? 'is' : 'are'} set` }));
    if (problems.length > 0) throw new ConfigError(problems);
    const files = { certFile: env.TLS_CERT_FILE!, keyFile: env.TLS_KEY_FILE!, caFile: env.TLS_CA_FILE! };
    const identity = readIdentity(files.certFile, files.keyFile);
    if (typeof identity === 'string') throw new ConfigError([{ variable: identity.startsWith('key') ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE', reason: identity }]);
    const caProblem = checkCa(files.caFile);
    if (caProblem) throw new ConfigError([{ variable: 'TLS_CA_FILE', reason: caProblem }]);
    return new TlsFiles({ ...files, requireClientCertificate: env.TLS_CLIENT_AUTH === 'require', refreshIntervalMs }, identity);
  }

  /** As fromEnv, but TLS must be on: `because` says what needs it (a ConfigError naming TLS_CERT_FILE otherwise). */
  static required(env: InternalTlsEnv, because: string): TlsFiles {
    const files = TlsFiles.fromEnv(env);
    if (!files) throw new ConfigError([{ variable: 'TLS_CERT_FILE', reason: `required (with TLS_KEY_FILE and TLS_CA_FILE) ${because}` }]);
    return files;
  }

  /** Options of an HTTPS server (node:https createServer, Nest's httpsOptions): the pair read at boot. */
  httpsOptions(): { key: Buffer; cert: Buffer; minVersion: 'TLSv1.2' } {
    return httpsOptionsOf(this.identity);
  }

  /** Reads the files again every refresh interval and gives the server a renewed certificate, until it closes. */
  keepFresh(server: TlsServer): void {
    let served = this.identity;
    const timer = setInterval(() => {
      const next = readIdentity(this.grpc.certFile, this.grpc.keyFile);
      // Half-written or mismatched files (mid-rotation): keep serving the last good pair.
      if (typeof next === 'string') return;
      if (next.cert.equals(served.cert) && next.key.equals(served.key)) return;
      served = next;
      server.setSecureContext(httpsOptionsOf(next));
    }, this.grpc.refreshIntervalMs ?? REFRESH_INTERVAL_MS);
    timer.unref();
    server.once('close', () => clearInterval(timer));
  }
}

function httpsOptionsOf(identity: Identity): { key: Buffer; cert: Buffer; minVersion: 'TLSv1.2' } {
  return { key: identity.key, cert: identity.cert, minVersion: 'TLSv1.2' };
}

/** The pair, or what is wrong with it (starting with `key` when the key is the problem). */
function readIdentity(certFile: string, keyFile: string): Identity | string {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = readFileSync(certFile);
  } catch (error) {
    return `cannot read the certificate file (${codeOf(error)})`;
  }
  try {
    key = readFileSync(keyFile);
  } catch (error) {
    return `key file cannot be read (${codeOf(error)})`;
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    return 'is not a certificate in PEM';
  }
  try {
    if (!certificate.checkPrivateKey(createPrivateKey(key))) return 'key file holds a key that does not belong to TLS_CERT_FILE';
  } catch {
    return 'key file is not a private key in PEM';
  }
  return { cert, key };
}

function checkCa(caFile: string): string | undefined {
  try {
    if (!new X509Certificate(readFileSync(caFile)).ca) return 'is not a CA certificate (basicConstraints cA is not set)';
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ? `cannot read the file (${codeOf(error)})` : 'is not a certificate in PEM';
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unreadable';
}
