import { Inject, Injectable } from '@nestjs/common';

import type { AuthorizeReply, AuthorizeRequest, FollowUpRequest } from '@payments/contracts';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import type { Prisma } from '../generated/prisma/client';
import { acceptPartialApprovalPrompt, confirmLast4Prompt, enterOriginalRrnPrompt, type PromptSpec } from './cashier-prompt.model';
import { OperationRepository } from './operation.repository';
import { CASHIER_PROMPTS, type CashierPrompts, type WaitingFields } from './ports/cashier-prompts.port';

/**
 * The points where an operation waits for the cashier. What it needs to go on waits with the
 * prompt (a card check keeps the PIN pad's encrypted block, erased when the prompt closes; the
 * clear card is never kept); the register gets the prompt to show.
 */
@Injectable()
export class CashierPromptStep {
  constructor(
    @Inject(CASHIER_PROMPTS) private readonly prompts: CashierPrompts,
    private readonly operations: OperationRepository,
    @Inject(AUTHORIZATION_ENV) private readonly env: Pick<AuthorizationEnv, 'AUTHORIZATION_PROMPT_TIMEOUT_MS'>,
  ) {}

  confirmLast4(request: AuthorizeRequest): Promise<AuthorizeReply> {
    return this.wait(request.transactionId, request.terminalId, confirmLast4Prompt(), { request });
  }

  enterOriginalRrn(request: FollowUpRequest): Promise<AuthorizeReply> {
    return this.wait(request.transactionId, request.terminalId, enterOriginalRrnPrompt(), { request });
  }

  acceptPartialApproval(
    id: string,
    terminalId: string,
    amounts: { approved: bigint; requested: bigint; currency: string },
    row: WaitingFields,
  ): Promise<AuthorizeReply> {
    const spec = acceptPartialApprovalPrompt(amounts.approved, amounts.requested, amounts.currency);
    return this.wait(id, terminalId, spec, { requestedMinor: String(amounts.requested) }, row);
  }

  /** What a register gets for a journaled row (a replay of a waiting operation shows the same prompt). */
  replyOf(row: Parameters<CashierPrompts['replyOf']>[0]): Promise<AuthorizeReply> {
    return this.prompts.replyOf(row);
  }

  private async wait(id: string, terminalId: string, spec: PromptSpec, context: Prisma.InputJsonValue, row?: WaitingFields): Promise<AuthorizeReply> {
    const expiresAt = new Date(Date.now() + this.env.AUTHORIZATION_PROMPT_TIMEOUT_MS);
    await this.prompts.open(id, terminalId, spec, context, expiresAt, row);
    return this.prompts.replyOf((await this.operations.findById(id))!);
  }
}
