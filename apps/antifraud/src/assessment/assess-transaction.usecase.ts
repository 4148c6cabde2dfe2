import { Inject, Injectable } from '@nestjs/common';

import type { AssessReply, AssessRequest } from '@payments/contracts';

import { DecisionRepository } from './decision.repository';
import { FRAUD_RULES, FraudRule } from './rules/fraud-rule';

/**
 * Runs every rule; any denial denies. The first denying rule's response code is the answer. A
 * repeated request (same transaction) gets the first decision back; its rules run again, but the
 * velocity rule counts each transaction once.
 */
@Injectable()
export class AssessTransactionUseCase {
  constructor(
    @Inject(FRAUD_RULES) private readonly rules: FraudRule[],
    private readonly decisions: DecisionRepository,
  ) {}

  async execute(request: AssessRequest): Promise<AssessReply> {
    const verdicts = (await Promise.all(this.rules.map((rule) => rule.evaluate(request)))).filter((v) => v !== undefined);
    const reply: AssessReply =
      verdicts.length === 0
        ? { transactionId: request.transactionId, decision: 'allow', reasons: [] }
        : {
            transactionId: request.transactionId,
            decision: 'deny',
            responseCode: verdicts[0].responseCode,
            reasons: verdicts.map(({ rule, detail }) => ({ rule, detail })),
          };
    return this.decisions.keepFirst(request.terminalId, reply);
  }
}
