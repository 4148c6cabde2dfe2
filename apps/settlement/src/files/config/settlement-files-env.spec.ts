import { loadSettlementFilesEnv } from './settlement-files-env';

const folder = { layout: 'acquirer-transactions-fixed', values: { acquirerId: 'ACQ01' }, delivery: { kind: 'folder', path: '/srv/out' } };
const sftp = {
  layout: 'acquirer-transactions-csv',
  delivery: {
    kind: 'sftp',
    host: 'sftp.bank.example',
    username: 'payments',
    privateKeyPath: '/run/secrets/bank_ed25519',
    hostKeySha256: 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
  },
};
const filesOf = (acquirers: unknown) => loadSettlementFilesEnv({ SETTLEMENT_FILES: JSON.stringify(acquirers) });

describe(loadSettlementFilesEnv.name, () => {
  it('gives no acquirer a file unless configured', () => {
    expect(loadSettlementFilesEnv({})).toMatchObject({ SETTLEMENT_FILES: {}, SETTLEMENT_FILES_MAX_ATTEMPTS: 6, SETTLEMENT_FILES_RETRY_MS: 30_000 });
  });

  it('reads a folder and an SFTP destination, with their defaults', () => {
    expect(filesOf({ 'acq-a': folder, 'acq-b': sftp }).SETTLEMENT_FILES).toEqual({
      'acq-a': { ...folder, folder: '' },
      'acq-b': { ...sftp, values: {}, folder: '', delivery: { ...sftp.delivery, port: 22, root: '' } },
    });
  });

  it.each([
    ['not json', /SETTLEMENT_FILES: expected a JSON object/],
    [JSON.stringify({ 'acq-a': { ...folder, delivery: { kind: 'ftp', path: '/srv' } } }), /SETTLEMENT_FILES: acq-a\.delivery\.kind/],
    [
      JSON.stringify({ 'acq-b': { ...sftp, delivery: { ...sftp.delivery, hostKeySha256: 'accept' } } }),
      /acq-b\.delivery\.hostKeySha256: expected a fingerprint/,
    ],
    [JSON.stringify({ 'acq-a': { ...folder, password: 'x' } }), /SETTLEMENT_FILES: acq-a: Unrecognized key/],
    [JSON.stringify({ '../acq-a': folder }), /SETTLEMENT_FILES: \.\.\/acq-a: an acquirer id is 1-64 letters/],
  ])('stops the boot on SETTLEMENT_FILES=%s, naming what is wrong', (value, message) => {
    expect(() => loadSettlementFilesEnv({ SETTLEMENT_FILES: value })).toThrow(message);
  });
});
