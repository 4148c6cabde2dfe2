import { type AuditLine, canonicalJson, chainHash, type ChainedAuditLine, GENESIS_HASH, verifyChain, withoutCardData } from './audit-line';

const lineOf = (n: number, overrides: Partial<AuditLine> = {}): AuditLine => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  at: `2026-12-07T20:0${n}:00.000Z`,
  realm: 'operator',
  actorId: 'acc-1',
  actorName: 'admin',
  role: 'admin',
  action: 'PATCH /v1/operator/operators/acc-2',
  resource: 'operator:acc-2',
  outcome: 'allowed',
  service: 'gateway',
  ip: '127.0.0.1',
  userAgent: 'curl/8',
  before: { role: 'support' },
  after: { role: 'risk' },
  ...overrides,
});

const chainOf = (lines: AuditLine[]): ChainedAuditLine[] => {
  let prevHash = GENESIS_HASH;
  return lines.map((line, i) => {
    const hash = chainHash(prevHash, line);
    const chained = { ...line, seq: i + 1, prevHash, hash };
    prevHash = hash;
    return chained;
  });
};

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chainOf([lineOf(1), lineOf(2), lineOf(3)]))).toMatchObject({ intact: true, checked: 3 });
  });

  it('names the first line whose content was changed, and a line removed from the middle', () => {
    const chain = chainOf([lineOf(1), lineOf(2), lineOf(3)]);
    expect(verifyChain([chain[0], { ...chain[1], outcome: 'denied' }, chain[2]])).toMatchObject({ intact: false, brokenAt: 2, checked: 1 });
    expect(verifyChain([chain[0], chain[2]])).toMatchObject({ intact: false, brokenAt: 3, reason: expect.stringContaining('previous hash') });
  });

  it('hashes JSON the same whatever order its keys come back in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":1,"f":2}]},"b":1}');
    expect(chainHash(GENESIS_HASH, lineOf(1, { after: { x: 1, y: 2 } }))).toBe(chainHash(GENESIS_HASH, lineOf(1, { after: { y: 2, x: 1 } })));
  });

  it('keeps no card data in before and after', () => {
    expect(withoutCardData({ pan: '4111111111111111', note: 'card 4111 1111 1111 1111 seen', nested: [{ cvv: '123' }], amountMinor: 1250 })).toEqual({
      pan: '[redacted]',
      note: 'card [redacted] seen',
      nested: [{ cvv: '[redacted]' }],
      amountMinor: 1250,
    });
  });
});
