import { Iso8583Codec } from '@payments/iso8583';

import { purchaseRequest } from './testing/sample-message.util';
import { failureOf, runNpmCli as cli, SPAWN_TIMEOUT_MS } from './testing/npm-cli.util';

/**
 * The operator's real entry point, `npm run --silent cli -- ...`, as a child process: the launcher,
 * the alias resolution and the commander wiring that the in-process specs do not load.
 */
describe('npm run cli', () => {
  const spec = 'iso87binary';
  const json = JSON.stringify(purchaseRequest());
  const hex = Iso8583Codec.forSpec(spec).encode(purchaseRequest()).toString('hex').toUpperCase();

  it(
    'decodes --hex to one JSON line on stdout and exits 0',
    () => {
      expect(cli(['iso8583', 'decode', '--spec', spec, '--hex', hex])).toEqual({ status: 0, stdout: `${json}\n`, stderr: '' });
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'encodes the JSON read on stdin to uppercase hex and exits 0',
    () => {
      expect(cli(['iso8583', 'encode', '--spec', spec], json)).toEqual({ status: 0, stdout: `${hex}\n`, stderr: '' });
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'lists the spec names',
    () => {
      const result = cli(['iso8583', 'specs']);

      expect(result.status).toBe(0);
      expect(result.stdout.split('\n')).toEqual(expect.arrayContaining(['iso87ascii', 'iso87binary']));
    },
    SPAWN_TIMEOUT_MS,
  );

  it.each<[string, string[], RegExp]>([
    ['an odd-length --hex', ['iso8583', 'decode', '--spec', spec, '--hex', hex.slice(1)], /^error: --hex has an odd number/],
    ['a missing option', ['iso8583', 'decode', '--spec', spec], /^error: required option '--hex <hex>' not specified$/],
    ['an unknown spec', ['iso8583', 'encode', '--spec', 'nope'], /^error: unknown ISO 8583 spec nope; known: /],
  ])(
    'rejects %s: non-zero exit, one stderr line, nothing on stdout',
    (_case, args, line) => {
      expect(failureOf(cli(args, json))).toEqual({ nonZeroExit: true, stdout: '', stderrLines: [expect.stringMatching(line)] });
    },
    SPAWN_TIMEOUT_MS,
  );
});
