import { addressesOf } from './alert-recipients';

describe(addressesOf.name, () => {
  const dealer = { nodeId: 'd-1', email: 'north@example.test', webhookUrl: 'https://north.example.test/alerts' };

  it("puts the dealer's email and webhook in for the dealer recipient, each address once", () => {
    expect(
      addressesOf(
        [
          { type: 'email', address: 'ops@example.test' },
          { type: 'dealer' },
          { type: 'email', address: 'NORTH@example.test' },
          { type: 'webhook', url: 'https://ops.example.test/h' },
        ],
        dealer,
      ),
    ).toEqual([
      { channel: 'email', recipient: 'ops@example.test' },
      { channel: 'email', recipient: 'north@example.test' },
      { channel: 'webhook', recipient: 'https://north.example.test/alerts' },
      { channel: 'webhook', recipient: 'https://ops.example.test/h' },
    ]);
  });

  it('tells no dealer when the alert has no node or the dealer left no contact', () => {
    expect(addressesOf([{ type: 'dealer' }], undefined)).toEqual([]);
    expect(addressesOf([{ type: 'dealer' }], { nodeId: 'd-1', email: null, webhookUrl: 'https://north.example.test/alerts' })).toEqual([
      { channel: 'webhook', recipient: 'https://north.example.test/alerts' },
    ]);
  });
});
