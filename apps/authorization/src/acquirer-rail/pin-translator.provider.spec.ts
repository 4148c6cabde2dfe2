import { Logger } from '@nestjs/common';

import { ANSI_TEST_BDK, TEST_ZONE_PIN_KEY } from '@payments/crypto';

import { pinTranslatorProvider } from './pin-translator.provider';

describe('pinTranslatorProvider', () => {
  it('warns at startup for each configured acquirer without a zone PIN key, naming it and no key', () => {
    const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { useFactory } = pinTranslatorProvider as unknown as { useFactory: (env: object, network: object) => unknown };

    useFactory(
      { CARD_BDKS: `ansi:${ANSI_TEST_BDK}`, ACQUIRER_ZPKS: `acme:${TEST_ZONE_PIN_KEY}` },
      { acquirers: [{ id: 'acme' }, { id: 'other' }, { id: 'third' }] },
    );

    const warned = warnings.mock.calls.map((call) => String(call[0]));
    expect(warned).toHaveLength(2);
    expect(warned[0]).toContain('acquirer other has no zone PIN key');
    expect(warned[1]).toContain('acquirer third has no zone PIN key');
    expect(warned.join('\n')).not.toContain(TEST_ZONE_PIN_KEY);
    warnings.mockRestore();
  });
});
