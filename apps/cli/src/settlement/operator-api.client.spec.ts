import { sendOperatorRequest } from './operator-api.client';
import { OperatorApiStub } from './testing/operator-api.server';

describe(sendOperatorRequest.name, () => {
  let api: OperatorApiStub;

  beforeEach(async () => {
    api = await new OperatorApiStub().start();
  });

  afterEach(() => api.stop());

  it('gives up on an API that never answers, saying how long it waited', async () => {
    api.answer = 'silent';
    const connection = { url: new URL(api.url), key: 'k' };

    await expect(sendOperatorRequest(connection, { method: 'GET', path: '/v1/settlement/batches' }, 200)).rejects.toThrow(
      `cannot reach ${api.url}: no answer within 0.2 s`,
    );
  });

  it("keeps the URL's own path (an API behind a prefix)", async () => {
    api.answer = { status: 500, body: 'oops' };
    const url = new URL(`${api.url}/payments/`);

    await expect(sendOperatorRequest({ url, key: 'k' }, { method: 'GET', path: '/v1/settlement/files' })).rejects.toThrow('500 Internal Server Error');
    expect(api.received.map((request) => request.url)).toEqual(['/payments/v1/settlement/files']);
  });
});
