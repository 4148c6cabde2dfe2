import { FakeCliIo } from '../testing/fake-cli-io.util';
import { DukptDeriveOptions, runDukptDerive } from './dukpt-derive.command';

// Published sample keys: ANSI X9.24-1:2009 Annex A (TDES) and X9.24-3-2017 Annex B (AES).
const TDES_BDK = '0123456789ABCDEFFEDCBA9876543210';
const AES128_BDK = 'FEDCBA9876543210F1F1F1F1F1F1F1F1';
const AES256_BDK = `${AES128_BDK}${AES128_BDK}`;

describe(runDukptDerive.name, () => {
  const sut = runDukptDerive;

  async function derive(options: DukptDeriveOptions): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo();
    const code = await sut(options, io);
    return { code, io };
  }

  it('prints the published TDES keys of counter 1 as one JSON line: initial key (IPEK), transaction key, PIN key', async () => {
    const { code, io } = await derive({ algorithm: 'tdes', bdk: TDES_BDK, ksn: 'ffff9876543210e00001' });

    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toBe(
      '{"initialKey":"6AC292FAA1315B4D858AB3A3D7D5933A","transactionKey":"042666B49184CFA368DE9628D0397BC9","pinKey":"042666B49184CF5C68DE9628D0397B36"}\n',
    );
  });

  it('prints the published AES-128 keys of counter 1, with the data key (both ways) and the CMAC generation key', async () => {
    const { code, io } = await derive({ algorithm: 'aes128', bdk: AES128_BDK, ksn: '123456789012345600000001' });

    expect(code).toBe(0);
    expect(io.out).toBe(
      `${JSON.stringify({
        initialKey: '1273671EA26AC29AFA4D1084127652A1',
        transactionKey: '4F21B565BAD9835E112B6465635EAE44',
        pinKey: 'AF8CB133A78F8DC2D1359F18527593FB',
        dataKey: 'A308E080DD15A1B741F1721BF67DE11C',
        macKey: 'A2DC23DE6FDE0824A2BC321E08E4B8B7',
      })}\n`,
    );
  });

  it('prints the published AES-256 keys of counter 1 as 64 hex digits each', async () => {
    const { code, io } = await derive({ algorithm: 'aes256', bdk: AES256_BDK, ksn: '123456789012345600000001' });

    expect(code).toBe(0);
    const keys = JSON.parse(io.out) as Record<string, string>;
    expect(Object.keys(keys)).toEqual(['initialKey', 'transactionKey', 'pinKey', 'dataKey', 'macKey']);
    expect(keys).toMatchObject({
      initialKey: 'CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F',
      transactionKey: '54AC2B32B145EA4A554CB8BC44B17467063A799856B1CCC2A138D36E8DBF78B3',
      pinKey: '8C1AB7BEE973829E30242E0BBBDD4946D540C98FC1B5BDCF94790001A23FD502',
      macKey: '61DABDF4B340CF461EE860B1D1AB55357142BD2D6977306859CF49AEFE8F1549',
    });
    expect(keys['dataKey']).toMatch(/^[0-9A-F]{64}$/);
    expect(new Set(Object.values(keys)).size).toBe(5);
  });

  it.each<[string, DukptDeriveOptions, string]>([
    ['an unknown algorithm', { algorithm: 'aes192', bdk: AES128_BDK, ksn: '123456789012345600000001' }, 'error: --algorithm must be tdes, aes128 or aes256'],
    [
      'a BDK that is not hex',
      { algorithm: 'tdes', bdk: `${TDES_BDK.slice(0, 31)}G`, ksn: 'FFFF9876543210E00001' },
      'error: --bdk must be 32 hex digits (a double-length TDES key)',
    ],
    [
      'an AES-128 BDK for aes256',
      { algorithm: 'aes256', bdk: AES128_BDK, ksn: '123456789012345600000001' },
      'error: --bdk must be 64 hex digits (an AES-256 key)',
    ],
    [
      'an AES-256 BDK for aes128',
      { algorithm: 'aes128', bdk: AES256_BDK, ksn: '123456789012345600000001' },
      'error: --bdk must be 32 hex digits (an AES-128 key)',
    ],
    [
      'a TDES KSN for AES',
      { algorithm: 'aes128', bdk: AES128_BDK, ksn: 'FFFF9876543210E00001' },
      'error: --ksn must be 24 hex digits (8-byte initial key id, 4-byte counter)',
    ],
    ['an AES KSN for TDES', { algorithm: 'tdes', bdk: TDES_BDK, ksn: '123456789012345600000001' }, 'error: --ksn must be 20 hex digits'],
    [
      'AES counter 0 (the initial key)',
      { algorithm: 'aes128', bdk: AES128_BDK, ksn: '123456789012345600000000' },
      'error: --ksn has a transaction counter no PIN pad uses (0, or more than 16 one-bits)',
    ],
    [
      'an AES counter with 17 one-bits',
      { algorithm: 'aes256', bdk: AES256_BDK, ksn: '12345678901234560001FFFF' },
      'error: --ksn has a transaction counter no PIN pad uses (0, or more than 16 one-bits)',
    ],
    [
      'TDES counter 0',
      { algorithm: 'tdes', bdk: TDES_BDK, ksn: 'FFFF9876543210E00000' },
      'error: --ksn has a transaction counter no PIN pad uses (0, or more than ten one-bits)',
    ],
  ])('refuses %s: one error line naming the option, nothing on stdout, exit 1, no key material', async (_case, options, line) => {
    const { code, io } = await derive(options);

    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([line]);
    expect(io.err).not.toMatch(/[0-9A-F]{16}/i);
  });
});
