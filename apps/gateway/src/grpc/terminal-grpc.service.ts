import { Injectable } from '@nestjs/common';

import { UntypedServiceImplementation } from '@grpc/grpc-js';

import { FollowUpUseCase } from '../follow-ups/follow-up.usecase';
import { CardOperationUseCase } from '../operations/card-operation.usecase';
import { CreatePurchaseUseCase } from '../purchases/create-purchase.usecase';
import { PromptAnswerUseCase } from '../prompts/prompt-answer.usecase';
import { TerminalServiceUseCase } from '../terminal-services/terminal-service.usecase';
import { cancelRpc, completeRpc, emergencyCancelRpc, refundRpc } from './follow-ups/follow-up.rpc';
import { cardInquiryRpc, cardPaymentRpc, purchaseRpc } from './operations/card-operation.rpc';
import { answerPromptRpc } from './prompts/answer-prompt.rpc';
import { closeDayRpc, connectionCheckRpc, receiptCopyRpc, reportRpc } from './terminal-services/terminal-service.rpc';
import { TerminalRpcAdapter } from './terminal-rpc.adapter';

/**
 * payments.terminal.v1.TerminalService: one line per rpc of the .proto, each a REST use case.
 * `unary` where REST requires an Idempotency-Key (money, card reads, close day), `query` where it
 * takes none (reads, checks, and prompt answers: the prompt is their key).
 */
@Injectable()
export class TerminalGrpcService {
  constructor(
    private readonly rpc: TerminalRpcAdapter,
    private readonly purchases: CreatePurchaseUseCase,
    private readonly operations: CardOperationUseCase,
    private readonly followUps: FollowUpUseCase,
    private readonly services: TerminalServiceUseCase,
    private readonly prompts: PromptAnswerUseCase,
  ) {}

  /** Handlers by rpc name, as in terminal.proto. */
  handlers(): UntypedServiceImplementation {
    return {
      Purchase: this.rpc.unary('Purchase', purchaseRpc(this.purchases)),
      CashWithdrawal: this.rpc.unary('CashWithdrawal', cardPaymentRpc(this.operations, 'cash_withdrawal')),
      TopUp: this.rpc.unary('TopUp', cardPaymentRpc(this.operations, 'top_up')),
      Preauthorize: this.rpc.unary('Preauthorize', cardPaymentRpc(this.operations, 'preauthorization')),
      Balance: this.rpc.unary('Balance', cardInquiryRpc(this.operations, 'balance_inquiry')),
      CardData: this.rpc.unary('CardData', cardInquiryRpc(this.operations, 'card_data')),
      Complete: this.rpc.unary('Complete', completeRpc(this.followUps)),
      Cancel: this.rpc.unary('Cancel', cancelRpc(this.followUps)),
      EmergencyCancel: this.rpc.unary('EmergencyCancel', emergencyCancelRpc(this.followUps)),
      Refund: this.rpc.unary('Refund', refundRpc(this.followUps)),
      AnswerPrompt: this.rpc.query('AnswerPrompt', answerPromptRpc(this.prompts)),
      ConnectionCheck: this.rpc.query('ConnectionCheck', connectionCheckRpc(this.services)),
      CloseDay: this.rpc.unary('CloseDay', closeDayRpc(this.services)),
      Report: this.rpc.query('Report', reportRpc(this.services)),
      ReceiptCopy: this.rpc.query('ReceiptCopy', receiptCopyRpc(this.services)),
    };
  }
}
