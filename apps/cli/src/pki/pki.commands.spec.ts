import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../cli.program';
import { FakeCliIo } from '../testing/fake-cli-io.util';

describe('pki commands', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'pki-cli-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = async (...argv: string[]) => {
    const io = new FakeCliIo();
    const code = await runCli(argv, io);
    return { code, out: io.out, err: io.err };
  };

  it('makes a CA, then device and server certificates it signed, with the key readable by its owner only', async () => {
    const ca = await cli('pki', 'init-ca', '--out', join(dir, 'ca'), '--days', '30');
    expect(ca).toEqual({ code: 0, out: `${JSON.stringify({ certificate: join(dir, 'ca', 'ca.crt'), key: join(dir, 'ca', 'ca.key') })}\n`, err: '' });
    expect(statSync(join(dir, 'ca', 'ca.key')).mode & 0o777).toBe(0o600);
    const caCert = new X509Certificate(readFileSync(join(dir, 'ca', 'ca.crt')));

    const device = await cli('pki', 'issue-device', '--ca', join(dir, 'ca'), '--serial', 'PP-0042', '--shop', 'SHOP-7', '--out', join(dir, 'devices'));
    expect(device.code).toBe(0);
    const printed = JSON.parse(device.out) as Record<string, string>;
    const cert = new X509Certificate(readFileSync(join(dir, 'devices', 'PP-0042.crt')));
    expect(printed).toEqual({
      certificate: join(dir, 'devices', 'PP-0042.crt'),
      key: join(dir, 'devices', 'PP-0042.key'),
      serialNumber: cert.serialNumber.toUpperCase(),
      subject: 'PP-0042',
      notAfter: new Date(cert.validTo).toISOString(),
      fingerprint256: cert.fingerprint256,
    });
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(statSync(join(dir, 'devices', 'PP-0042.key')).mode & 0o777).toBe(0o600);

    const server = await cli(
      'pki',
      'issue-server',
      '--ca',
      join(dir, 'ca'),
      '--name',
      'gateway',
      '--dns',
      'gateway.payments.svc, localhost',
      '--ip',
      '127.0.0.1',
      '--out',
      join(dir, 'servers'),
    );
    expect(server.code).toBe(0);
    expect(new X509Certificate(readFileSync(join(dir, 'servers', 'gateway.crt'))).subjectAltName).toBe(
      'DNS:gateway.payments.svc, DNS:localhost, IP Address:127.0.0.1',
    );
  });

  it('never overwrites a key or certificate, and names what is wrong', async () => {
    await cli('pki', 'init-ca', '--out', join(dir, 'ca2'));
    expect(await cli('pki', 'init-ca', '--out', join(dir, 'ca2'))).toEqual({
      code: 1,
      out: '',
      err: `error: ${join(dir, 'ca2', 'ca.crt')} exists already: choose another --out, nothing was written\n`,
    });
    expect(await cli('pki', 'issue-device', '--ca', join(dir, 'nowhere'), '--serial', 'PP-1', '--out', dir)).toMatchObject({
      code: 1,
      err: expect.stringContaining('no ca.crt and ca.key there'),
    });
    expect(await cli('pki', 'issue-device', '--ca', join(dir, 'ca2'), '--serial', 'PP 1', '--out', dir)).toMatchObject({
      code: 1,
      err: expect.stringContaining('error: deviceSerial: must be 1-64'),
    });
    expect(await cli('pki', 'issue-device', '--ca', join(dir, 'ca2'), '--serial', 'PP-1', '--days', '900', '--out', dir)).toMatchObject({
      code: 1,
      err: expect.stringContaining('validDays: must be a whole number of days from 1 to 825'),
    });
    expect(await cli('pki', 'issue-server', '--ca', join(dir, 'ca2'), '--name', 'gw', '--out', dir)).toMatchObject({
      code: 1,
      err: expect.stringContaining('a server certificate names at least one DNS name or IP address'),
    });
  });
});
