import { Inject, Injectable } from '@nestjs/common';

import { answerPromptRpc } from '@payments/contracts';
import { isOutcomeUnknown, type Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { decidedOutcomeOf, RegisterOutcome } from '../outcomes/register-outcome';
import { Terminal } from '../terminals/terminal';

/**
 * The register sends back what the cashier keyed; the operation goes on in the authorization
 * service and its outcome (or its next prompt) comes back as any operation's response. The
 * operation's first Idempotency-Key then replays that outcome instead of the prompt.
 */
@Injectable()
export class PromptAnswerUseCase {
  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly idempotency: IdempotencyRepository,
  ) {}

  async answer(terminal: Terminal, promptId: string, value: string): Promise<RegisterOutcome> {
    let reply;
    try {
      reply = await this.rpc.call(
        answerPromptRpc,
        { promptId, terminalId: terminal.terminalId, merchantId: terminal.merchantId, value, answeredAt: new Date().toISOString() },
        { deadlineAt: Date.now() + this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS },
      );
    } catch (error) {
      // The answer is replayable: the same answer again gets the outcome.
      if (!isOutcomeUnknown(error)) throw error;
      const message = `no outcome within ${this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS} ms; send the same answer again for the outcome`;
      return { kind: 'prompt_outcome_unknown', promptId, message };
    }
    if (reply.refusal || !reply.outcome) {
      const refusal = reply.refusal ?? { code: 'unknown_prompt' as const, message: `prompt ${promptId} has no outcome` };
      return { kind: 'prompt_refused', promptId, refusal };
    }
    const outcome = decidedOutcomeOf(reply.outcome);
    await this.idempotency.supersede(reply.outcome.transactionId, outcome);
    return outcome;
  }
}
