import { randomUUID } from 'node:crypto';

import { type AuthorizeRequest, authorizeRequestSchema, authorizeRpc } from '@payments/contracts';

import { methodDefinitionOf } from './internal-proto.loader';
import { conformToSchema } from './wire-shape.util';

/** What the server's handler gets for what the client sent: serialized, deserialized, conformed, parsed. */
function overTheWire(request: AuthorizeRequest): AuthorizeRequest {
  const method = methodDefinitionOf(authorizeRpc);
  const received = method.requestDeserialize(method.requestSerialize(request));
  return authorizeRequestSchema.parse(conformToSchema(authorizeRequestSchema, received));
}

describe('the internal Authorize request on the wire', () => {
  const request: AuthorizeRequest = {
    transactionId: randomUUID(),
    operation: 'purchase',
    terminalId: 'DEMO0001',
    merchantId: 'DEMOSHOP0000001',
    amountMinor: '1250',
    currency: 'EUR',
    card: { bdkId: 'ansi-test-bdk', ksn: 'FFFF9876543210E00001', ciphertext: '2DA68FDCFD61C04C' },
    entryMode: 'chip',
    requestedAt: new Date().toISOString(),
  };

  it('carries an online PIN as sent: format 0 (a proto3 zero) and the KSN when given', () => {
    expect(overTheWire({ ...request, pin: { pinBlock: '950A4B38E1A9B36F', format: 0 } }).pin).toEqual({ pinBlock: '950A4B38E1A9B36F', format: 0 });
    const withKsn: AuthorizeRequest = { ...request, pin: { pinBlock: '950A4B38E1A9B36F', format: 0, ksn: 'FFFF9876543210E00002' } };
    expect(overTheWire(withKsn)).toEqual(withKsn);
  });

  it('leaves the PIN out when there is none', () => {
    expect(overTheWire(request)).toEqual(request);
    expect('pin' in overTheWire(request)).toBe(false);
  });
});
