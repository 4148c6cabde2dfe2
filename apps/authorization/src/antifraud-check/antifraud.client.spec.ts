import { randomUUID } from 'node:crypto';

import { AssessReply, AssessRequest, assessRpc, authorizeReplySchema, defineRpc } from '@payments/contracts';
import { InProcessRpc } from '@payments/rpc';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AntifraudClient } from './antifraud.client';

const request = (): AssessRequest => ({
  transactionId: randomUUID(),
  terminalId: 'DEMO0001',
  merchantId: 'DEMOSHOP0000001',
  amountMinor: '1250',
  currency: 'EUR',
  cardToken: 'tok_abc',
  cardScheme: 'visa',
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const env = (policy: 'decline' | 'allow', timeoutMs = 100) =>
  ({ AUTHORIZATION_ANTIFRAUD_TIMEOUT_MS: timeoutMs, AUTHORIZATION_ANTIFRAUD_UNAVAILABLE: policy }) as AuthorizationEnv;

describe(AntifraudClient.name, () => {
  let answerAfterMs = 0;
  const antifraud = new InProcessRpc();
  antifraud.serve(assessRpc, async (r): Promise<AssessReply> => {
    await sleep(answerAfterMs);
    return { transactionId: r.transactionId, decision: 'deny', responseCode: '05', reasons: [{ rule: 'max-amount', detail: 'above the limit' }] };
  });

  beforeEach(() => (answerAfterMs = 0));

  it("returns antifraud's decision when it answers in time", async () => {
    await expect(new AntifraudClient(antifraud, env('decline')).assess(request())).resolves.toMatchObject({ decision: 'deny', responseCode: '05' });
  });

  it('declines with 91 by default when antifraud is late, within its budget rather than hanging', async () => {
    answerAfterMs = 1_000;
    const started = Date.now();
    const decision = await new AntifraudClient(antifraud, env('decline')).assess(request());
    expect(Date.now() - started).toBeLessThan(500);
    expect(decision).toMatchObject({ decision: 'deny', responseCode: '91', reasons: [{ rule: 'antifraud-unavailable' }] });
  });

  it('allows and records it when the policy says allow and nobody serves antifraud', async () => {
    const nobody = new InProcessRpc();
    const decision = await new AntifraudClient(nobody, env('allow')).assess(request());
    expect(decision).toMatchObject({ decision: 'allow', reasons: [{ rule: 'antifraud-unavailable', detail: expect.stringContaining('unavailable') }] });
  });

  it("asks within what is left of the register's deadline when that is shorter than its own budget", async () => {
    answerAfterMs = 1_000;
    // The register's call, served in process, with 80 ms left; antifraud's own budget is 5 s.
    const authorizeLike = defineRpc({
      service: 'payments.test.v1.RegisterService',
      method: 'Pay',
      protoFile: 'none',
      request: assessRpc.request,
      reply: authorizeReplySchema.partial(),
    });
    let decided: { responseCode?: string; afterMs: number } | undefined;
    const started = Date.now();
    antifraud.serve(authorizeLike, async (r) => {
      const decision = await new AntifraudClient(antifraud, env('decline', 5_000)).assess(r);
      decided = { responseCode: decision.responseCode, afterMs: Date.now() - started };
      return {};
    });
    const call = antifraud.call(authorizeLike, request(), { deadlineAt: Date.now() + 80, lateReply: { graceMs: 5_000, handler: () => Promise.resolve() } });
    await call.catch(() => undefined);
    await sleep(200);
    expect(decided).toMatchObject({ responseCode: '91' });
    expect(decided!.afterMs).toBeLessThan(300);
  });
});
