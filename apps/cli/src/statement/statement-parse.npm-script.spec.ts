import { failureOf, runNpmCli, SPAWN_TIMEOUT_MS } from '../testing/npm-cli.util';
import { POSTFINANCE_CAMT053, postFinanceJson, statementFixture } from './statement-fixture.util';

/** `npm run --silent cli -- statement parse` as the operator runs it: launcher, aliases, commander. */
describe('npm run cli -- statement parse', () => {
  it(
    'prints one JSON line of the statement in minor units and exits 0',
    () => {
      const result = runNpmCli(['statement', 'parse', '--format', 'camt053', '--file', POSTFINANCE_CAMT053, '--profile', 'postfinance-value-dated']);

      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${JSON.stringify(postFinanceJson(true))}\n`);
    },
    SPAWN_TIMEOUT_MS,
  );

  it.each<[string, string[], RegExp]>([
    ['a pain.001', ['--format', 'camt053', '--file', statementFixture('musterfile_pain.001_Nov2020.xml')], /^error: camt053 Document: this is pain\.001/],
    ['a missing --file', ['--format', 'mt940'], /^error: required option '--file <path>' not specified$/],
  ])(
    'rejects %s: non-zero exit, one stderr line, nothing on stdout',
    (_case, args, line) => {
      expect(failureOf(runNpmCli(['statement', 'parse', ...args]))).toEqual({ nonZeroExit: true, stdout: '', stderrLines: [expect.stringMatching(line)] });
    },
    SPAWN_TIMEOUT_MS,
  );
});
