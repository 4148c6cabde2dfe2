import { Injectable, Logger } from '@nestjs/common';

import type {
  AuthorizeReply,
  AuthorizeRequest,
  FollowUpRequest,
  PromptAnswerReply,
  PromptAnswerRequest,
  PromptInput,
  PromptRefusal,
} from '@payments/contracts';

import type { CashierPrompt as PromptRow } from '../generated/prisma/client';
import { parseAnswer } from '../operation/cashier-prompt.model';
import { ExecuteOperationUseCase } from '../operation/execute-operation.usecase';
import type { ExecutionContext } from '../operation/operation.command';
import { replyOf } from '../operation/operation-reply.mapper';
import { OperationRepository } from '../operation/operation.repository';
import { OutcomeRecorder } from '../operation/outcome.recorder';
import { CashierPromptRepository, ResumedPrompt } from './cashier-prompt.repository';

const refuse = (code: PromptRefusal['code'], message: string): PromptAnswerReply => ({ refusal: { code, message } });

/**
 * The cashier's answer: checked against the prompt's input (a malformed one leaves it open), taken
 * once (the same answer again replays the outcome), then the waiting operation goes on where it
 * stopped: the card check, the refund's original, or the partial approval.
 */
@Injectable()
export class PromptAnswerUseCase {
  private readonly logger = new Logger(PromptAnswerUseCase.name);

  constructor(
    private readonly prompts: CashierPromptRepository,
    private readonly operations: OperationRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly core: ExecuteOperationUseCase,
  ) {}

  /** `context`: the caller's deadline; past it the host is not asked when the operation goes on. */
  async execute(request: PromptAnswerRequest, context?: ExecutionContext): Promise<PromptAnswerReply> {
    const prompt = await this.prompts.find(request.promptId);
    // Another terminal's prompt reads as unknown, like another terminal's transaction.
    if (!prompt || prompt.terminalId !== request.terminalId)
      return refuse('unknown_prompt', `prompt ${request.promptId} is not a prompt of terminal ${request.terminalId}`);
    const parsed = parseAnswer(prompt.input as PromptInput, request.value);
    if (prompt.status === 'answered') return this.answeredBefore(prompt, parsed.ok ? parsed.value : undefined);
    if (prompt.status === 'expired' || prompt.expiresAt <= new Date(request.answeredAt)) {
      return refuse('expired', `prompt ${prompt.id} expired at ${prompt.expiresAt.toISOString()}; the operation was abandoned`);
    }
    if (!parsed.ok) return refuse('invalid_answer', parsed.reason);
    const resumed = await this.prompts.resume(prompt.id, parsed.value, `the cashier answered: ${prompt.kind.replaceAll('_', ' ')}`);
    if (!resumed) return this.execute(request, context);
    return { outcome: await this.goOn(resumed, parsed.value, undefined, context) };
  }

  /** The operation after its prompt closed: answered by the cashier, or (expiry) abandoned with `abandoned` as the reason. */
  goOn(resumed: ResumedPrompt, answer: string, abandoned?: string, context?: ExecutionContext): Promise<AuthorizeReply> {
    const { prompt, transaction } = resumed;
    const saved = resumed.context as { request?: unknown } | null;
    switch (prompt.kind) {
      case 'confirm_last4':
        return abandoned ? this.abandon(transaction.id, abandoned) : this.core.resumeAfterLast4(saved!.request as AuthorizeRequest, answer, context);
      case 'enter_original_rrn':
        return abandoned ? this.abandon(transaction.id, abandoned) : this.core.resumeWithRrn(saved!.request as FollowUpRequest, answer, context);
      case 'accept_partial_approval':
        return this.core.resumeAfterPartialApproval(transaction, !abandoned && answer === 'yes', abandoned ?? `the cashier answered ${answer}`);
      default:
        throw new Error(`prompt ${prompt.id} has an unknown kind ${prompt.kind}`);
    }
  }

  private async answeredBefore(prompt: PromptRow, answer: string | undefined): Promise<PromptAnswerReply> {
    if (answer === undefined || prompt.answer !== answer) return refuse('already_answered', `prompt ${prompt.id} was already answered; its operation went on`);
    const row = await this.operations.findById(prompt.transactionId);
    if (!row || row.status === 'pending') return refuse('already_answered', `prompt ${prompt.id} was already answered; its operation is still in progress`);
    // The operation may wait on a next prompt (a checked card, then a partial approval).
    return { outcome: await this.prompts.replyOf(row) };
  }

  /** Nothing went to the host yet: the operation is refused, and nothing was reserved. */
  private async abandon(transactionId: string, reason: string): Promise<AuthorizeReply> {
    this.logger.warn(`transaction ${transactionId}: ${reason}`);
    return replyOf(await this.outcomes.decline(transactionId, { status: 'rejected', responseCode: '12', reason: `${reason}; nothing was sent` }));
  }
}
