import { generateKeyPairSync } from 'node:crypto';

import {
  canonicalTerminalRequest,
  signTerminalRequest,
  terminalPublicKeyOf,
  terminalRequestHeaders,
  type TerminalRequestParts,
  verifyTerminalRequest,
} from './terminal-request.v1';

const pair = () => generateKeyPairSync('ed25519');
const { publicKey, privateKey } = pair();
const body = Buffer.from('{"payeeId":"demo-mobile-topup","amount":2500}', 'utf8');
const parts: TerminalRequestParts = {
  method: 'post',
  pathWithQuery: '/v1/agent-terminal/payments',
  timestamp: '1796652000',
  nonce: 'n0nce-0123456789abcdef',
  idempotencyKey: 'receipt-0001',
  body,
};
const signature = signTerminalRequest(parts, privateKey);

describe('agents terminal request signature v1', () => {
  it('signs the scheme, the method, the path with its query, the timestamp, the nonce, the Idempotency-Key and the body hash, one per line', () => {
    expect(canonicalTerminalRequest({ ...parts, pathWithQuery: '/v1/agent-terminal/payees?x=1' }).split('\n')).toEqual([
      'agent-terminal-request-v1',
      'POST',
      '/v1/agent-terminal/payees?x=1',
      '1796652000',
      'n0nce-0123456789abcdef',
      'receipt-0001',
      // `printf %s '{"payeeId":"demo-mobile-topup","amount":2500}' | sha256sum`
      '60d82342cbf82455ba4ce46c80bee116632a2b28119f530a3a5abffede84d6d4',
    ]);
    // SHA-256 of no bytes, the published constant.
    expect(canonicalTerminalRequest({ ...parts, body: new Uint8Array() }).endsWith('\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe(
      true,
    );
    const { idempotencyKey: _none, ...withoutKey } = parts;
    expect(canonicalTerminalRequest(withoutKey).split('\n')[5]).toBe('');
  });

  it('verifies the terminal signature over the same request', () => {
    expect(verifyTerminalRequest(parts, signature, publicKey)).toBe(true);
  });

  it.each([
    ['a tampered body', { body: Buffer.from('{"payeeId":"demo-mobile-topup","amount":25000}', 'utf8') }],
    ['the same JSON with other spacing', { body: Buffer.from('{"payeeId": "demo-mobile-topup", "amount": 2500}', 'utf8') }],
    ['another path', { pathWithQuery: '/v1/agent-terminal/payments?amount=1' }],
    ['another method', { method: 'PUT' }],
    ['another timestamp', { timestamp: '1796652001' }],
    ['another nonce', { nonce: 'n0nce-0123456789abcdeF' }],
    ['another Idempotency-Key', { idempotencyKey: 'receipt-0002' }],
    ['no Idempotency-Key', { idempotencyKey: undefined }],
  ])('refuses %s under the signature of the original', (_name, change) => {
    expect(verifyTerminalRequest({ ...parts, ...change }, signature, publicKey)).toBe(false);
  });

  it("refuses another key's signature, a cut signature and one that is not base64", () => {
    expect(verifyTerminalRequest(parts, signTerminalRequest(parts, pair().privateKey), publicKey)).toBe(false);
    expect(verifyTerminalRequest(parts, signature.slice(0, 40), publicKey)).toBe(false);
    expect(verifyTerminalRequest(parts, `${signature.slice(0, -4)}!!!!`, publicKey)).toBe(false);
  });

  it('takes an Ed25519 public key in PEM and says what else a key is', () => {
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect('key' in terminalPublicKeyOf(pem)).toBe(true);
    expect(terminalPublicKeyOf('not a key')).toEqual({ problem: 'is not a PEM public key (-----BEGIN PUBLIC KEY-----, SPKI)' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(terminalPublicKeyOf(rsa)).toEqual({ problem: 'is a rsa key: an Ed25519 public key is required' });
  });

  it('makes the four headers of a request signed now, which verify', () => {
    const headers = terminalRequestHeaders(
      {
        terminalId: 'kiosk-1',
        method: 'GET',
        pathWithQuery: '/v1/agent-terminal/balance',
        body: new Uint8Array(),
        nonce: 'abcdefghijklmnop',
        now: new Date('2026-12-07T12:00:00.900Z'),
      },
      privateKey,
    );
    expect(headers).toEqual({
      'x-terminal-id': 'kiosk-1',
      'x-terminal-timestamp': String(Date.UTC(2026, 11, 7, 12) / 1000),
      'x-terminal-nonce': 'abcdefghijklmnop',
      'x-terminal-signature': expect.any(String),
    });
    const signed = {
      method: 'GET',
      pathWithQuery: '/v1/agent-terminal/balance',
      timestamp: headers['x-terminal-timestamp'],
      nonce: 'abcdefghijklmnop',
      body: new Uint8Array(),
    };
    expect(verifyTerminalRequest(signed, headers['x-terminal-signature'], publicKey)).toBe(true);
  });

  it('sends the Idempotency-Key it signs', () => {
    const request = { terminalId: 'kiosk-1', method: 'POST', pathWithQuery: '/v1/agent-terminal/payments', body, nonce: 'abcdefghijklmnop' };
    const headers = terminalRequestHeaders({ ...request, idempotencyKey: 'receipt-0001', now: new Date('2026-12-07T12:00:00Z') }, privateKey);
    expect(headers['idempotency-key']).toBe('receipt-0001');
    const signed = { ...request, timestamp: headers['x-terminal-timestamp'], idempotencyKey: 'receipt-0001' };
    expect(verifyTerminalRequest(signed, headers['x-terminal-signature'], publicKey)).toBe(true);
    expect(verifyTerminalRequest({ ...signed, idempotencyKey: 'receipt-0002' }, headers['x-terminal-signature'], publicKey)).toBe(false);
  });
});
