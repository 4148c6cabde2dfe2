import { ServiceDefinition } from '@grpc/grpc-js';

import { FollowUpUseCase } from '../follow-ups/follow-up.usecase';
import { CardOperationUseCase } from '../operations/card-operation.usecase';
import { PromptAnswerUseCase } from '../prompts/prompt-answer.usecase';
import { CreatePurchaseUseCase } from '../purchases/create-purchase.usecase';
import { TerminalServiceUseCase } from '../terminal-services/terminal-service.usecase';
import { TerminalGrpcService } from './terminal-grpc.service';
import { loadTerminalProto, TERMINAL_SERVICE_NAME } from './terminal-proto.loader';
import { TerminalRpcAdapter } from './terminal-rpc.adapter';

describe(TerminalGrpcService.name, () => {
  // Each handler stands for how the adapter was asked to run it.
  const adapter = { unary: (name: string) => `unary ${name}`, query: (name: string) => `query ${name}` };
  const sut = new TerminalGrpcService(
    adapter as unknown as TerminalRpcAdapter,
    {} as CreatePurchaseUseCase,
    {} as CardOperationUseCase,
    {} as FollowUpUseCase,
    {} as TerminalServiceUseCase,
    {} as PromptAnswerUseCase,
  );

  it('serves every rpc of terminal.proto, and nothing else', () => {
    const service = loadTerminalProto()[TERMINAL_SERVICE_NAME] as ServiceDefinition;
    // Keyed by the rpc names of the .proto, as grpc-js looks the handlers up.
    expect(Object.keys(sut.handlers()).sort()).toEqual(Object.keys(service).sort());
  });

  it('requires the idempotency-key where REST requires the Idempotency-Key header: money, card reads and close of day; not for reads, checks and prompt answers', () => {
    expect(sut.handlers()).toEqual({
      Purchase: 'unary Purchase',
      CashWithdrawal: 'unary CashWithdrawal',
      TopUp: 'unary TopUp',
      Preauthorize: 'unary Preauthorize',
      Balance: 'unary Balance',
      CardData: 'unary CardData',
      Complete: 'unary Complete',
      Cancel: 'unary Cancel',
      EmergencyCancel: 'unary EmergencyCancel',
      Refund: 'unary Refund',
      CloseDay: 'unary CloseDay',
      ConnectionCheck: 'query ConnectionCheck',
      Report: 'query Report',
      ReceiptCopy: 'query ReceiptCopy',
      AnswerPrompt: 'query AnswerPrompt',
    });
  });
});
