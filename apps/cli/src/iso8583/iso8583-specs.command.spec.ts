import { getSpec, ISO87_ASCII_SPEC, registerSpec } from '@payments/iso8583';

import { FakeCliIo } from '../testing/fake-cli-io.util';
import { runIso8583Specs } from './iso8583-specs.command';

describe(runIso8583Specs.name, () => {
  const sut = runIso8583Specs;

  async function listed(): Promise<string[]> {
    const io = new FakeCliIo();
    await expect(sut(io)).resolves.toBe(0);
    expect(io.err).toBe('');
    return io.out.trimEnd().split('\n');
  }

  it('lists the built-in specs, one name per line, each usable as --spec', async () => {
    const names = await listed();

    expect(names).toEqual(expect.arrayContaining(['iso87ascii', 'iso87binary']));
    for (const name of names) expect(getSpec(name).name).toBe(name);
  });

  it('lists a spec registered later, with no change to the CLI', async () => {
    registerSpec({ ...ISO87_ASCII_SPEC, name: 'cli-test-dialect' });

    await expect(listed()).resolves.toContain('cli-test-dialect');
  });
});
