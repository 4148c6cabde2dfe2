import { CardDataError } from '@payments/card';

import { acquirerNetworkSchema } from './acquirer-network.schema';
import { AcquirerRouter } from './acquirer.router';
import { NoAcquirerRouteError } from './no-acquirer-route.error';

const network = acquirerNetworkSchema.parse({
  acquirers: ['bank-a', 'bank-b', 'amex-direct', 'fleet-host', 'gift-host', 'wallet-host'].map((id, i) => ({ id, host: '127.0.0.1', port: 9000 + i })),
  cardKinds: [
    { kind: 'fleet', binRanges: ['7000-7099'] },
    { kind: 'gift', binRanges: ['639300'] },
    // Device tokens live inside the schemes' ranges: the configured kind wins over the scheme.
    { kind: 'mobile', binRanges: ['489537', '520000-520099'] },
  ],
  routes: [
    { acquirer: 'bank-b', match: { merchantIds: ['SHOP-B-001'] } },
    { acquirer: 'fleet-host', match: { cardKinds: ['fleet'] } },
    { acquirer: 'gift-host', match: { cardKinds: ['gift'] } },
    { acquirer: 'wallet-host', match: { cardKinds: ['mobile'] } },
    { acquirer: 'amex-direct', match: { cardKinds: ['amex'] } },
    { acquirer: 'bank-b', match: { binRanges: ['222100-272099'], schemes: ['mastercard'] } },
    { acquirer: 'bank-a', match: { cardKinds: ['visa', 'mastercard', 'diners'] } },
  ],
});

describe(AcquirerRouter.name, () => {
  const sut = new AcquirerRouter(network);

  it.each([
    ['Visa', '4242424242424242', undefined, 'bank-a'],
    ['Mastercard 5-series', '5555555555554444', undefined, 'bank-a'],
    ['Mastercard 2-series, by BIN range and scheme', '2223003122003222', undefined, 'bank-b'],
    ['Amex', '378282246310005', undefined, 'amex-direct'],
    ['Diners, 14 digits', '36227206271667', undefined, 'bank-a'],
    ['fleet card, by configured BIN range', '7000123456789012', undefined, 'fleet-host'],
    ['gift card inside a Maestro range', '6393001234567890', undefined, 'gift-host'],
    ['mobile token inside the Visa range', '4895370012345678', undefined, 'wallet-host'],
    ['mobile token inside the Mastercard range', '5200000012345678', undefined, 'wallet-host'],
    ['Visa at the merchant with its own acquirer', '4242424242424242', 'SHOP-B-001', 'bank-b'],
    ['Amex at that merchant too (merchant route first)', '378282246310005', 'SHOP-B-001', 'bank-b'],
    ['merchant id padded as in DE 42', '4242424242424242', 'SHOP-B-001     ', 'bank-b'],
    ['Visa at another merchant', '4242424242424242', 'SHOP-C-001', 'bank-a'],
  ])('routes %s to its acquirer', (_case, pan, merchantId, expected) => {
    expect(sut.route({ pan, merchantId })).toBe(expected);
  });

  it('routes by the scheme the card reader detected when it is given', () => {
    expect(sut.route({ pan: '9990001234567890', scheme: 'fleet' })).toBe('fleet-host');
  });

  it('names the BIN, scheme and kind, never the PAN, when no route matches', () => {
    const pan = '6011111111111117'; // Discover: no route takes it

    const attempt = () => sut.route({ pan, merchantId: 'SHOP-C-001' });

    expect(attempt).toThrow(NoAcquirerRouteError);
    expect(attempt).toThrow('no acquirer route matches the card with BIN 601111 (scheme discover, kind none, merchant SHOP-C-001)');
    expect(attempt).not.toThrow(new RegExp(pan));
  });

  it('refuses a malformed PAN without echoing it', () => {
    expect(() => sut.route({ pan: '4242-4242' })).toThrow(new CardDataError('pan', 'must contain digits 0-9 only'));
  });

  it('sends every card to the route with an empty match placed last', () => {
    const withDefault = new AcquirerRouter({ cardKinds: [], routes: [...network.routes, { acquirer: 'bank-a', match: {} }] });

    expect(withDefault.route({ pan: '6011111111111117' })).toBe('bank-a');
  });

  it('requires every key of a match to hold', () => {
    const narrow = new AcquirerRouter({
      cardKinds: [],
      routes: [
        { acquirer: 'bank-b', match: { binRanges: ['4'], merchantIds: ['SHOP-B-001'] } },
        { acquirer: 'bank-a', match: {} },
      ],
    });

    expect(narrow.route({ pan: '4242424242424242', merchantId: 'SHOP-B-001' })).toBe('bank-b');
    expect(narrow.route({ pan: '4242424242424242', merchantId: 'SHOP-C-001' })).toBe('bank-a');
    expect(narrow.route({ pan: '5555555555554444', merchantId: 'SHOP-B-001' })).toBe('bank-a');
    expect(narrow.route({ pan: '4242424242424242' })).toBe('bank-a');
  });

  it.each([
    ['4895370012345678', 'visa', 'mobile'],
    ['4242424242424242', 'visa', 'visa'],
    ['7050000000000000', 'unknown', 'fleet'],
    ['6011111111111117', 'discover', undefined],
  ])('tells the kind of %s (scheme %s): %s', (pan, scheme, kind) => {
    expect(sut.cardKindOf(pan, scheme)).toBe(kind);
  });
});
