import { runNpmCliAsync, SPAWN_TIMEOUT_MS } from '../testing/npm-cli.util';
import { OperatorApiStub } from './testing/operator-api.server';

const KEY = 'op-key-npm-4b2d8e';

/** `npm run --silent cli -- settlement ...` as the operator runs it, against a real HTTP server. */
describe('npm run cli -- settlement', () => {
  let api: OperatorApiStub;

  beforeAll(async () => {
    api = await new OperatorApiStub().start();
  });

  afterAll(() => api.stop());

  it(
    'reads the trial balance from the API in PAYMENTS_OPERATOR_URL with the key of PAYMENTS_OPERATOR_KEY: one JSON line, exit 0',
    async () => {
      const trialBalance = { from: '2026-12-01', to: '2026-12-01', accounts: [{ account: '2010', currency: 'EUR', closingMinor: '-4000' }] };
      api.answer = { status: 200, body: trialBalance };

      const result = await runNpmCliAsync(['settlement', 'trial-balance', '--from', '2026-12-01', '--to', '2026-12-01'], {
        PAYMENTS_OPERATOR_URL: api.url,
        PAYMENTS_OPERATOR_KEY: KEY,
      });

      expect(result).toEqual({ status: 0, stdout: `${JSON.stringify(trialBalance)}\n`, stderr: '' });
      expect(api.received).toEqual([
        expect.objectContaining({ url: '/v1/settlement/trial-balance?from=2026-12-01&to=2026-12-01', authorization: `Bearer ${KEY}` }),
      ]);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    "exits 1 with the API's status and message on one line, the key nowhere",
    async () => {
      api.answer = { status: 422, body: { statusCode: 422, message: 'businessDay: 2026-12-07 of acquirer "default" has not ended' } };

      const result = await runNpmCliAsync(['settlement', 'close-day', '--acquirer', 'default', '--day', '2026-12-07', '--url', api.url], {
        PAYMENTS_OPERATOR_KEY: KEY,
      });

      expect(result).toEqual({ status: 1, stdout: '', stderr: 'error: 422 businessDay: 2026-12-07 of acquirer "default" has not ended\n' });
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'exits 2 for a malformed day, naming the option',
    async () => {
      const result = await runNpmCliAsync(['settlement', 'batches', '--day', '2026-13-01', '--url', api.url], { PAYMENTS_OPERATOR_KEY: KEY });

      expect(result).toEqual({ status: 2, stdout: '', stderr: 'error: --day must be a calendar date YYYY-MM-DD that exists, not "2026-13-01"\n' });
    },
    SPAWN_TIMEOUT_MS,
  );
});
