import { failureOf, runNpmCli as cli, SPAWN_TIMEOUT_MS } from '../testing/npm-cli.util';

/** `npm run --silent cli -- dukpt derive` as an integrator runs it: the launcher and commander wiring included. */
describe('npm run cli -- dukpt derive', () => {
  it(
    'prints the X9.24-3 sample keys on one line and exits 0; a bad KSN is one error line and a non-zero exit',
    () => {
      const args = ['dukpt', 'derive', '--algorithm', 'aes128', '--bdk', 'FEDCBA9876543210F1F1F1F1F1F1F1F1'];

      const ok = cli([...args, '--ksn', '123456789012345600000001']);
      expect(ok.status).toBe(0);
      expect(ok.stderr).toBe('');
      expect(ok.stdout).toMatch(/^\{"initialKey":"1273671EA26AC29AFA4D1084127652A1","transactionKey":"4F21B565BAD9835E112B6465635EAE44",.*\}\n$/);

      expect(failureOf(cli([...args, '--ksn', '1234']))).toEqual({
        nonZeroExit: true,
        stdout: '',
        stderrLines: ['error: --ksn must be 24 hex digits (8-byte initial key id, 4-byte counter)'],
      });
    },
    2 * SPAWN_TIMEOUT_MS,
  );
});
