import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadAuthorizationEnv } from '../../config/authorization-env';
import { defaultAcquirerOf, parseAcquirerNetwork, resolveAcquirerNetwork } from './acquirer-network.loader';

const TWO_ACQUIRERS = {
  acquirers: [
    { id: 'bank-a', host: '10.0.0.1', port: 8583 },
    { id: 'bank-b', host: '10.0.0.2', port: 9583, spec: 'iso87binary', header: 'ascii4', responseTimeoutMs: 15000, signOn: true, echoIntervalMs: 30000 },
  ],
  cardKinds: [{ kind: 'fleet', binRanges: ['7000-7099'] }],
  routes: [
    { acquirer: 'bank-b', match: { cardKinds: ['fleet'] } },
    { acquirer: 'bank-a', match: {} },
  ],
};

const errorOf = (value: unknown): string => {
  const parsed = parseAcquirerNetwork(typeof value === 'string' ? value : JSON.stringify(value));
  if ('network' in parsed) throw new Error('expected the configuration to be refused');
  return parsed.error;
};

describe(parseAcquirerNetwork.name, () => {
  it('reads acquirers, card kinds and routes, filling in the documented defaults', () => {
    const parsed = parseAcquirerNetwork(JSON.stringify(TWO_ACQUIRERS));

    expect(parsed).toEqual({
      network: {
        acquirers: [
          {
            id: 'bank-a',
            host: '10.0.0.1',
            port: 8583,
            spec: 'iso87ascii',
            header: 'binary2',
            responseTimeoutMs: 10000,
            connectTimeoutMs: 2000,
            signOn: false,
            echoIntervalMs: 60000,
            endpoints: [],
            connections: 1,
            timeZone: 'UTC',
          },
          {
            id: 'bank-b',
            host: '10.0.0.2',
            port: 9583,
            spec: 'iso87binary',
            header: 'ascii4',
            responseTimeoutMs: 15000,
            connectTimeoutMs: 2000,
            signOn: true,
            echoIntervalMs: 30000,
            endpoints: [],
            connections: 1,
            timeZone: 'UTC',
          },
        ],
        cardKinds: [{ kind: 'fleet', binRanges: ['7000-7099'] }],
        routes: TWO_ACQUIRERS.routes,
        merchantTimeZones: {},
      },
    });
  });

  it.each([
    ['a port that is not a number', { acquirers: [{ id: 'a', host: 'h', port: '8583' }] }, 'acquirers[0].port: '],
    ['an unknown key', { acquirers: [{ id: 'a', host: 'h', port: 1, tls: true }] }, 'acquirers[0]: Unrecognized key: "tls"'],
    [
      'an unknown ISO 8583 spec',
      { acquirers: [{ id: 'a', host: 'h', port: 1, spec: 'iso87ebcdic' }] },
      'acquirers[0].spec: expected a registered ISO 8583 spec',
    ],
    [
      'a time zone that is not an IANA name',
      { acquirers: [{ id: 'a', host: 'h', port: 1, timeZone: 'CEST' }] },
      'acquirers[0].timeZone: expected an IANA time zone',
    ],
    [
      "a merchant's unknown time zone",
      { acquirers: [{ id: 'a', host: 'h', port: 1 }], merchantTimeZones: { 'SHOP-1': 'Mars/Olympus' } },
      'merchantTimeZones.SHOP-1: expected an IANA time zone',
    ],
    ['no links', { acquirers: [{ id: 'a', host: 'h', port: 1, connections: 0 }] }, 'acquirers[0].connections: '],
    ['an endpoint without a port', { acquirers: [{ id: 'a', host: 'h', port: 1, endpoints: [{ host: 'h2' }] }] }, 'acquirers[0].endpoints[0].port: '],
    ['an id with capitals and spaces', { acquirers: [{ id: 'Bank A', host: 'h', port: 1 }] }, 'acquirers[0].id: expected 1-32 characters'],
    [
      'the same id twice',
      {
        acquirers: [
          { id: 'a', host: 'h', port: 1 },
          { id: 'a', host: 'h', port: 2 },
        ],
        routes: [{ acquirer: 'a' }],
      },
      'acquirers[1].id: "a" is configured twice',
    ],
    ['no acquirer', { acquirers: [] }, 'acquirers: expected at least one item'],
    [
      'a route to an acquirer not configured',
      { ...TWO_ACQUIRERS, routes: [{ acquirer: 'bank-c', match: {} }] },
      'routes[0].acquirer: "bank-c" is not a configured acquirer',
    ],
    ['two acquirers without routes', { acquirers: TWO_ACQUIRERS.acquirers }, 'routes: required when more than one acquirer is configured'],
    [
      'a route after the catch-all',
      {
        ...TWO_ACQUIRERS,
        routes: [
          { acquirer: 'bank-a', match: {} },
          { acquirer: 'bank-b', match: { schemes: ['visa'] } },
        ],
      },
      'routes[1]: never used: routes[0] before it has an empty match',
    ],
    [
      'a BIN range with ends of different lengths',
      { ...TWO_ACQUIRERS, routes: [{ acquirer: 'bank-a', match: { binRanges: ['4000-49999'] } }] },
      'routes[0].match.binRanges[0]: expected a BIN prefix',
    ],
    [
      'a BIN range running backwards',
      { ...TWO_ACQUIRERS, cardKinds: [{ kind: 'gift', binRanges: ['6399-6300'] }] },
      'cardKinds[0].binRanges[0]: expected a BIN prefix',
    ],
    ['an unknown card kind', { ...TWO_ACQUIRERS, cardKinds: [{ kind: 'prepaid', binRanges: ['6'] }] }, 'cardKinds[0].kind: '],
    ['an unknown scheme', { ...TWO_ACQUIRERS, routes: [{ acquirer: 'bank-a', match: { schemes: ['visaa'] } }] }, 'routes[0].match.schemes[0]: '],
    [
      'an empty list in a match',
      { ...TWO_ACQUIRERS, routes: [{ acquirer: 'bank-a', match: { merchantIds: [] } }] },
      'routes[0].match.merchantIds: expected at least one item',
    ],
    ['text that is not JSON', '{acquirers: []}', 'not valid JSON'],
  ])('refuses %s, naming the key', (_case, value, expected) => {
    expect(errorOf(value)).toContain(expected);
  });
});

describe(resolveAcquirerNetwork.name, () => {
  it('builds one acquirer "default" taking every card from the single-acquirer settings', () => {
    const network = resolveAcquirerNetwork(undefined, { host: '127.0.0.1', port: 8583, responseTimeoutMs: 10000, signOn: false, echoIntervalMs: 0 });

    expect(network.acquirers.map((a) => [a.id, a.host, a.port, a.responseTimeoutMs, a.echoIntervalMs])).toEqual([['default', '127.0.0.1', 8583, 10000, 0]]);
    expect(network.routes).toEqual([{ acquirer: 'default', match: {} }]);
    expect(defaultAcquirerOf(network)).toBe('default');
  });

  it('takes the catch-all route as the default acquirer, else the first listed', () => {
    const [withCatchAll] = [parseAcquirerNetwork(JSON.stringify(TWO_ACQUIRERS))];
    const withoutCatchAll = parseAcquirerNetwork(JSON.stringify({ ...TWO_ACQUIRERS, routes: [{ acquirer: 'bank-b', match: { schemes: ['visa'] } }] }));

    expect('network' in withCatchAll && defaultAcquirerOf(withCatchAll.network)).toBe('bank-a');
    expect('network' in withoutCatchAll && defaultAcquirerOf(withoutCatchAll.network)).toBe('bank-a');
  });
});

describe('AUTHORIZATION_ACQUIRERS and AUTHORIZATION_ACQUIRERS_FILE', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'acquirers-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the network from the JSON variable', () => {
    const env = loadAuthorizationEnv({ AUTHORIZATION_ACQUIRERS: JSON.stringify(TWO_ACQUIRERS) });

    expect(env.AUTHORIZATION_ACQUIRERS?.acquirers.map((a) => a.id)).toEqual(['bank-a', 'bank-b']);
  });

  it('reads the network from the file the variable names', () => {
    const file = join(dir, 'acquirers.json');
    writeFileSync(file, JSON.stringify(TWO_ACQUIRERS));

    const env = loadAuthorizationEnv({ AUTHORIZATION_ACQUIRERS_FILE: file });

    expect(env.AUTHORIZATION_ACQUIRERS_FILE?.routes).toHaveLength(2);
  });

  it('fails at boot naming the variable and the bad key', () => {
    const bad = JSON.stringify({ ...TWO_ACQUIRERS, routes: [{ acquirer: 'bank-c', match: {} }] });

    expect(() => loadAuthorizationEnv({ AUTHORIZATION_ACQUIRERS: bad })).toThrow(
      /AUTHORIZATION_ACQUIRERS: routes\[0\]\.acquirer: "bank-c" is not a configured acquirer/,
    );
  });

  it('fails at boot when the file cannot be read', () => {
    expect(() => loadAuthorizationEnv({ AUTHORIZATION_ACQUIRERS_FILE: join(dir, 'missing.json') })).toThrow(
      /AUTHORIZATION_ACQUIRERS_FILE: cannot read the file \(ENOENT\)/,
    );
  });

  it('refuses both variables at once', () => {
    const file = join(dir, 'both.json');
    writeFileSync(file, JSON.stringify(TWO_ACQUIRERS));

    expect(() => loadAuthorizationEnv({ AUTHORIZATION_ACQUIRERS: JSON.stringify(TWO_ACQUIRERS), AUTHORIZATION_ACQUIRERS_FILE: file })).toThrow(/not both/);
  });

  it('leaves both unset by default, with sign-on off, a 60 s echo, one link and UTC for the single acquirer', () => {
    const env = loadAuthorizationEnv({});

    expect([
      env.AUTHORIZATION_ACQUIRERS,
      env.AUTHORIZATION_ACQUIRERS_FILE,
      env.AUTHORIZATION_ACQUIRER_SIGN_ON,
      env.AUTHORIZATION_ACQUIRER_ECHO_INTERVAL_MS,
      env.AUTHORIZATION_ACQUIRER_CONNECTIONS,
      env.AUTHORIZATION_ACQUIRER_TIME_ZONE,
    ]).toEqual([undefined, undefined, false, 60000, 1, 'UTC']);
  });

  it('fails at boot on a time zone of the single acquirer that is not an IANA name', () => {
    expect(() => loadAuthorizationEnv({ AUTHORIZATION_ACQUIRER_TIME_ZONE: 'Europe/Bishkek' })).toThrow(
      /AUTHORIZATION_ACQUIRER_TIME_ZONE: expected an IANA time zone/,
    );
  });
});
