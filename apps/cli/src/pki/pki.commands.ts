import type { IssuedCertificate } from '@payments/pki';
import { CertificateAuthority } from '@payments/pki';

import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { CA_CERTIFICATE, CA_KEY, daysOf, loadAuthority, writeNewFiles } from './pki-files';

export interface InitCaOptions {
  readonly out: string;
  readonly commonName: string;
  readonly days: string;
}

export interface IssueDeviceOptions {
  readonly ca: string;
  readonly serial: string;
  readonly shop?: string;
  readonly days: string;
  readonly out: string;
}

export interface IssueServerOptions {
  readonly ca: string;
  readonly name: string;
  readonly dns?: string;
  readonly ip?: string;
  readonly days: string;
  readonly out: string;
}

/** `pki init-ca`: a new device CA in a folder (ca.crt, ca.key); prints where and what. */
export function runInitCa(options: InitCaOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const { certificatePem, privateKeyPem } = CertificateAuthority.create({ commonName: options.commonName, validDays: daysOf('--days', options.days) });
    const paths = writeNewFiles(options.out, {
      [CA_CERTIFICATE]: { content: certificatePem, secret: false },
      [CA_KEY]: { content: privateKeyPem, secret: true },
    });
    return JSON.stringify({ certificate: paths[CA_CERTIFICATE], key: paths[CA_KEY] });
  });
}

/** `pki issue-device`: a client certificate for a PIN pad or bridge (`<serial>.crt`, `<serial>.key`). */
export function runIssueDevice(options: IssueDeviceOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const issued = loadAuthority(options.ca).issueDevice({ deviceSerial: options.serial, shopId: options.shop, validDays: daysOf('--days', options.days) });
    return describeIssued(issued, writeIssued(options.out, options.serial, issued));
  });
}

/** `pki issue-server`: a server certificate for the names and addresses devices dial. */
export function runIssueServer(options: IssueServerOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const issued = loadAuthority(options.ca).issueServer({
      commonName: options.name,
      dnsNames: listOf(options.dns),
      ipAddresses: listOf(options.ip),
      validDays: daysOf('--days', options.days),
    });
    return describeIssued(issued, writeIssued(options.out, options.name, issued));
  });
}

function writeIssued(dir: string, name: string, issued: IssuedCertificate): Record<string, string> {
  return writeNewFiles(dir, {
    [`${name}.crt`]: { content: issued.certificatePem, secret: false },
    [`${name}.key`]: { content: issued.privateKeyPem ?? '', secret: true },
  });
}

function describeIssued(issued: IssuedCertificate, paths: Record<string, string>): string {
  const [certificate, key] = Object.values(paths);
  return JSON.stringify({
    certificate,
    key,
    serialNumber: issued.serialNumber,
    subject: issued.subjectCommonName,
    notAfter: issued.notAfter.toISOString(),
    fingerprint256: issued.fingerprint256,
  });
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
