import { Iso8583FormatError } from '@payments/iso8583';

import { FakeCliIo } from '../testing/fake-cli-io.util';
import { runCommand } from './cli-command.runner';
import { CliInputError } from './cli-input.error';

describe(runCommand.name, () => {
  const sut = runCommand;

  it('writes the result as one line on stdout and exits 0', async () => {
    const io = new FakeCliIo();

    await expect(sut(io, () => Promise.resolve('0200'))).resolves.toBe(0);
    expect(io.out).toBe('0200\n');
    expect(io.err).toBe('');
  });

  it.each<[string, unknown, string]>([
    ['an input error as is', new CliInputError('--hex is empty'), 'error: --hex is empty'],
    ['a codec error by field and offset', new Iso8583FormatError(4, 26, 'not numeric (n)'), 'error: field 4 at offset 26: not numeric (n)'],
    ['a fault outside any field', new Iso8583FormatError(null, 40, '2 trailing bytes'), 'error: message at offset 40: 2 trailing bytes'],
    ['the MTI by name', new Iso8583FormatError(0, 0, 'MTI must be 4 digits'), 'error: MTI at offset 0: MTI must be 4 digits'],
    ['a multi-line message folded', new Error('first\n  second\n'), 'error: first second'],
    ['a thrown non-Error', 'boom', 'error: boom'],
  ])('on failure writes one stderr line (%s), nothing on stdout, and exits 1', async (_case, thrown, line) => {
    const io = new FakeCliIo();

    await expect(
      sut(io, () => {
        throw thrown;
      }),
    ).resolves.toBe(1);
    expect(io.err).toBe(`${line}\n`);
    expect(io.out).toBe('');
  });

  it('treats a rejected promise the same way', async () => {
    const io = new FakeCliIo();

    await expect(sut(io, () => Promise.reject(new CliInputError('bad')))).resolves.toBe(1);
    expect(io.errLines()).toEqual(['error: bad']);
  });
});
