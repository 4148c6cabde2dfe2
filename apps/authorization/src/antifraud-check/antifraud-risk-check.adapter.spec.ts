import type { AssessReply } from '@payments/contracts';

import { AntifraudRiskCheck } from './antifraud-risk-check.adapter';
import type { AntifraudClient } from './antifraud.client';

const query = {
  transactionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  terminalId: 'DEMO0001',
  merchantId: 'DEMOSHOP0000001',
  amountMinor: 125000n,
  currency: 'EUR',
  cardToken: 'tok',
  cardScheme: 'visa',
};

describe(AntifraudRiskCheck.name, () => {
  let reply: AssessReply;
  const antifraud = { assess: jest.fn(() => Promise.resolve(reply)) };
  const sut = new AntifraudRiskCheck(antifraud as unknown as AntifraudClient);

  it('asks antifraud with the amount in minor units as its contract carries it, and passes an allow', async () => {
    reply = { transactionId: query.transactionId, decision: 'allow', reasons: [] };

    expect(await sut.assess(query)).toEqual({ allowed: true });
    expect(antifraud.assess).toHaveBeenCalledWith({ ...query, amountMinor: '125000' });
  });

  it('passes an allow without a decision (antifraud unavailable) with the reason, for the journal', async () => {
    reply = { transactionId: query.transactionId, decision: 'allow', reasons: [{ rule: 'antifraud-unavailable', detail: 'deadline of 500 ms passed' }] };

    expect(await sut.assess(query)).toEqual({ allowed: true, note: 'allowed without an antifraud decision (deadline of 500 ms passed)' });
  });

  it('names every rule of a deny, with its code, or 59 when antifraud gave none', async () => {
    reply = { transactionId: query.transactionId, decision: 'deny', responseCode: '61', reasons: [{ rule: 'max-amount', detail: 'above 1000.00 EUR' }] };
    expect(await sut.assess(query)).toEqual({ allowed: false, responseCode: '61', reason: 'antifraud: max-amount (above 1000.00 EUR)' });

    reply = { transactionId: query.transactionId, decision: 'deny', reasons: [{ rule: 'blocked-card', detail: 'listed' }] };
    expect(await sut.assess(query)).toMatchObject({ allowed: false, responseCode: '59' });
  });
});
