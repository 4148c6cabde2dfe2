import { PlatformOptions, PlatformUnderTest, startDistributed, startEmbedded } from '../support/platform-under-test';
import { eventually, operatorCall, HttpResult, RegisterClient, TERMINAL_KEY } from '../support/register.client';
import { TerminalGrpcClient } from '../support/terminal-grpc.client';

const PAN = '5555555555554444';
const PROMPT_TIMEOUT_MS = 2_500;

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('cashier prompts end to end (%s mode)', (_mode, start: (options: PlatformOptions) => Promise<PlatformUnderTest>) => {
  let platform: PlatformUnderTest;
  // A register of its own: its batches and close of day belong to this suite.
  let register: RegisterClient;

  beforeAll(async () => {
    platform = await start({ env: { AUTHORIZATION_PROMPT_TIMEOUT_MS: String(PROMPT_TIMEOUT_MS) } });
    register = new RegisterClient(platform.gatewayUrl, `${TERMINAL_KEY}-5`);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  beforeEach(() => platform.simulator.reset());

  const sale = (amount: number, entryMode = 'chip') => ({ amount, currency: 'EUR', entryMode, card: register.card(PAN) });
  const sent = (mti: string) => platform.simulator.received.filter((m) => m.mti === mti);
  // What this suite asked of the host. Reversals (04xx) of an earlier suite's unknown operation may
  // still be repeated from the durable queue of the shared database, as they must be, and echoes (08xx) come on their own.
  const hostAsked = () => platform.simulator.received.filter((m) => !m.mti.startsWith('04') && !m.mti.startsWith('08'));
  const journal = async (id: unknown) => (await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${String(id)}`)).body;
  const history = async (id: unknown) => ((await journal(id)).history as { status: string }[]).map((h) => h.status);
  const answer = (result: HttpResult, value: string) => register.post(`/v1/prompts/${promptOf(result).promptId}/answer`, { value }, { idempotencyKey: null });
  const promptOf = (result: HttpResult) => result.body.prompt as { promptId: string; kind: string; text: string; input: Record<string, unknown> };
  const partially = (approvedMinor: number) =>
    platform.simulator.addRule((m) => (m.mti === '0200' && m.fields[3] === '000000' ? { kind: 'partial', approvedMinor } : undefined));

  it('has the cashier check a swiped card against its last 4 digits before the host is asked; a mismatch goes no further', async () => {
    const waiting = await register.post('/v1/purchases', sale(1500, 'magstripe'));

    expect(waiting.status).toBe(202);
    expect(waiting.body).toMatchObject({ status: 'prompt', receipt: [] });
    expect(promptOf(waiting)).toMatchObject({
      kind: 'confirm_last4',
      text: 'KEY IN THE LAST 4 DIGITS PRINTED ON THE CARD',
      input: { type: 'digits', length: 4 },
    });
    expect(hostAsked()).toHaveLength(0);

    const malformed = await answer(waiting, '44');
    expect([malformed.status, malformed.body.message]).toEqual([400, 'value: key in exactly 4 digits']);

    const wrong = await answer(waiting, '1111');
    expect(wrong.status).toBe(201);
    expect(wrong.body).toMatchObject({ status: 'declined', responseCode: '59' });
    expect(hostAsked()).toHaveLength(0);
    expect(await history(waiting.body.transactionId)).toEqual(['pending', 'awaiting_cashier', 'pending', 'declined']);
  });

  it('goes on to the host once the digits match, and the first Idempotency-Key then replays the outcome', async () => {
    const idempotencyKey = `prompt-${Date.now()}-last4`;
    const body = sale(1600, 'magstripe');
    const waiting = await register.post('/v1/purchases', body, { idempotencyKey });
    const done = await answer(waiting, '4444');

    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'approved', amount: 1600, transactionId: waiting.body.transactionId });
    expect(sent('0200')).toHaveLength(1);
    expect((await register.post('/v1/purchases', body, { idempotencyKey })).body).toMatchObject({
      status: 'approved',
      transactionId: waiting.body.transactionId,
    });
    const again = await answer(waiting, '4444');
    expect(again.body).toMatchObject({ status: 'approved', transactionId: waiting.body.transactionId });
    expect((await answer(waiting, '1234')).status).toBe(409);
    expect(sent('0200')).toHaveLength(1);
  });

  it('asks the cashier to accept a partial approval, and charges only the approved part', async () => {
    partially(3000);
    const waiting = await register.post('/v1/purchases', sale(5000));

    expect(waiting.status).toBe(202);
    expect(promptOf(waiting)).toMatchObject({ kind: 'accept_partial_approval', text: 'APPROVED 30.00 EUR OF 50.00 EUR. ACCEPT?', input: { type: 'confirm' } });
    const accepted = await answer(waiting, 'yes');

    expect(accepted.body).toMatchObject({ status: 'approved', amount: 3000, responseCode: '00' });
    expect(accepted.body.receipt).toEqual(expect.arrayContaining(['AMOUNT 30.00 EUR', 'APPROVED']));
    expect(await journal(waiting.body.transactionId)).toMatchObject({ status: 'approved', amountMinor: '3000' });
  });

  it('gives a refused partial approval back to the host with a reversal', async () => {
    partially(2000);
    const waiting = await register.post('/v1/purchases', sale(4000));
    const refused = await answer(waiting, 'no');

    expect(refused.body).toMatchObject({ status: 'declined', responseCode: '10' });
    await eventually(
      () => journal(waiting.body.transactionId),
      (row) => row.status === 'reversed',
    );
    const [reversal] = sent('0400');
    expect(reversal.fields[4]).toBe('000000002000');
    expect(reversal.fields[90].slice(4, 10)).toBe(sent('0200')[0].fields[11]);
  });

  it('reverses a partial approval nobody answers, and refuses a late answer', async () => {
    partially(1000);
    const waiting = await register.post('/v1/purchases', sale(1800));

    const row = await eventually(
      () => journal(waiting.body.transactionId),
      (r) => r.status === 'reversed',
      20_000,
    );
    expect(JSON.stringify(row.history)).toContain('the cashier did not answer');
    expect(sent('0400')).toHaveLength(1);
    const late = await answer(waiting, 'yes');
    expect(late.status).toBe(410);
  });

  it('asks for the RRN of a refund that names no original, then refunds that one', async () => {
    const purchase = await register.post('/v1/purchases', sale(2500));
    expect(purchase.body.status).toBe('approved');
    await register.post('/v1/close-day');

    const waiting = await register.post('/v1/refunds', { amount: 1000 });
    expect(waiting.status).toBe(202);
    expect(promptOf(waiting)).toMatchObject({ kind: 'enter_original_rrn', input: { type: 'text', maxLength: 12 } });

    const refund = await answer(waiting, String(purchase.body.rrn));
    expect(refund.body).toMatchObject({ status: 'approved', operation: 'refund', amount: 1000, originalTransactionId: purchase.body.transactionId });
    expect(sent('0200').at(-1)!.fields[3]).toBe('200000');
  });

  it('asks and takes the answer over gRPC the same way', async () => {
    const grpc = new TerminalGrpcClient(platform.gatewayGrpcAddress, `${TERMINAL_KEY}-5`);
    try {
      const waiting = await grpc.purchase({ amount: { amountMinor: '1900', currency: 'EUR' }, card: grpc.card(PAN), entryMode: 'ENTRY_MODE_MAGSTRIPE' });
      const transaction = waiting.response?.transaction as {
        status: string;
        transactionId: string;
        prompt: { promptId: string; kind: string; input: unknown };
      };
      expect(transaction).toMatchObject({
        status: 'TRANSACTION_STATUS_PROMPT',
        prompt: { kind: 'confirm_last4', input: { type: 'PROMPT_INPUT_TYPE_DIGITS', length: 4 } },
      });

      const malformed = await grpc.call('AnswerPrompt', { promptId: transaction.prompt.promptId, value: 'x' }, { idempotencyKey: null });
      expect(malformed.error).toMatchObject({ code: 3, details: 'value: key in exactly 4 digits' });
      const done = await grpc.call('AnswerPrompt', { promptId: transaction.prompt.promptId, value: '4444' }, { idempotencyKey: null });
      expect(done.error).toBeNull();
      expect(done.response?.transaction).toMatchObject({
        status: 'TRANSACTION_STATUS_APPROVED',
        transactionId: transaction.transactionId,
        amount: { amountMinor: '1900' },
      });
    } finally {
      grpc.close();
    }
  });

  it('refuses an answer from another register as an unknown prompt', async () => {
    const waiting = await register.post('/v1/purchases', sale(1700, 'magstripe'));
    const stranger = new RegisterClient(platform.gatewayUrl);

    const foreign = await stranger.post(`/v1/prompts/${promptOf(waiting).promptId}/answer`, { value: '4444' }, { idempotencyKey: null });

    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toContain('is not a prompt of terminal DEMO0001');
    expect((await answer(waiting, '4444')).body).toMatchObject({ status: 'approved' });
  });
});
