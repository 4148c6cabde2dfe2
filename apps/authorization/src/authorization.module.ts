import { DynamicModule, Module } from '@nestjs/common';

import { transactionAuthorizedV1, transactionDeclinedV1, transactionReversedV1 } from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { AbandonTransactionUseCase } from './abandonment/abandon-transaction.usecase';
import { AbandonmentConsumer } from './abandonment/abandonment.consumer';
import { AbandonmentRepository } from './abandonment/abandonment.repository';
import { AcquirerClient } from './acquirer/acquirer.client';
import { AcquirerRail } from './acquirer-rail/acquirer-rail.adapter';
import { pinTranslatorProvider } from './acquirer-rail/pin-translator.provider';
import { AntifraudRiskCheck } from './antifraud-check/antifraud-risk-check.adapter';
import { AntifraudClient } from './antifraud-check/antifraud.client';
import { loadAuthorizationEnv } from './config/authorization-env';
import { acquirerNetworkProvider } from './config/acquirer-network.provider';
import { AUTHORIZATION_ENV } from './config/authorization-env.provider';
import { AUTHORIZATION_DB, authorizationDbProvider, authorizationSqlProvider } from './database/authorization-db.provider';
import { TerminalBatchRepository } from './batch/terminal-batch.repository';
import { CashierPromptRepository } from './cashier-prompt/cashier-prompt.repository';
import { PromptAnswerRpc } from './cashier-prompt/prompt-answer.rpc';
import { PromptAnswerUseCase } from './cashier-prompt/prompt-answer.usecase';
import { PromptExpiryWorker } from './cashier-prompt/prompt-expiry.worker';
import { AuthorizeCardOperationUseCase } from './card-operation/authorize-card-operation.usecase';
import { AuthorizeRpc } from './card-operation/authorize.rpc';
import { CardReaderService } from './card-operation/card-reader.service';
import { FollowUpRpc } from './follow-up/follow-up.rpc';
import { FollowUpUseCase } from './follow-up/follow-up.usecase';
import { JournalSearchRepository } from './journal/journal-search.repository';
import { JournalController } from './journal/journal.controller';
import { JournalRepository } from './journal/journal.repository';
import { PinPadCardSource } from './card-operation/pin-pad-card-source.adapter';
import { CardOperationStep } from './operation/card-operation.step';
import { CashierPromptStep } from './operation/cashier-prompt.step';
import { ExecuteOperationUseCase } from './operation/execute-operation.usecase';
import { FollowUpStep } from './operation/follow-up.step';
import { OperationRepository } from './operation/operation.repository';
import { OriginalRepository } from './operation/original.repository';
import { OutcomeRecorder } from './operation/outcome.recorder';
import { OperationOutcomeRpc } from './operation-outcome/operation-outcome.rpc';
import { OperationOutcomeUseCase } from './operation-outcome/operation-outcome.usecase';
import { CARD_SOURCE } from './operation/ports/card-source.port';
import { CASHIER_PROMPTS } from './operation/ports/cashier-prompts.port';
import { RAIL } from './operation/ports/rail.port';
import { REGISTER_ABANDONMENTS } from './operation/ports/register-abandonments.port';
import { RISK_CHECK } from './operation/ports/risk-check.port';
import { RailStep } from './operation/rail.step';
import { InterruptedAttemptRecovery } from './reversal/interrupted-attempt.recovery';
import { PinPadAdmission } from './pin-pad-registry/pin-pad-admission';
import { PinPadRegistryController } from './pin-pad-registry/pin-pad-registry.controller';
import { PinPadRegistryRepository } from './pin-pad-registry/pin-pad-registry.repository';
import { PinPadRegistryService } from './pin-pad-registry/pin-pad-registry.service';
import { ReversalQueueMetrics } from './reversal/reversal-queue.metrics';
import { ReversalRepository } from './reversal/reversal.repository';
import { ReversalWorker } from './reversal/reversal.worker';
import { CloseDayUseCase } from './terminal-service/close-day.usecase';
import { TerminalServiceRpc } from './terminal-service/terminal-service.rpc';
import { TerminalServiceUseCase } from './terminal-service/terminal-service.usecase';

/** The authorization service as one module: mounted by its own main.ts or by the embedded host. */
@Module({})
export class AuthorizationModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: AuthorizationModule,
      controllers: [JournalController, PinPadRegistryController],
      providers: [
        { provide: AUTHORIZATION_ENV, useValue: loadAuthorizationEnv(env) },
        acquirerNetworkProvider,
        authorizationDbProvider,
        authorizationSqlProvider,
        outboxRelayProvider('authorization', AUTHORIZATION_DB, [transactionAuthorizedV1, transactionDeclinedV1, transactionReversedV1]),
        JournalRepository,
        JournalSearchRepository,
        OperationRepository,
        OutcomeRecorder,
        // The operation core and its ports (a new channel or rail is a new adapter here).
        { provide: CARD_SOURCE, useClass: PinPadCardSource },
        { provide: RISK_CHECK, useClass: AntifraudRiskCheck },
        { provide: RAIL, useClass: AcquirerRail },
        pinTranslatorProvider,
        { provide: CASHIER_PROMPTS, useExisting: CashierPromptRepository },
        { provide: REGISTER_ABANDONMENTS, useExisting: AbandonmentRepository },
        CashierPromptStep,
        RailStep,
        CardOperationStep,
        FollowUpStep,
        ExecuteOperationUseCase,
        TerminalBatchRepository,
        OriginalRepository,
        ReversalRepository,
        AbandonmentRepository,
        AbandonTransactionUseCase,
        AbandonmentConsumer,
        CardReaderService,
        PinPadRegistryRepository,
        PinPadAdmission,
        PinPadRegistryService,
        AntifraudClient,
        AcquirerClient,
        AuthorizeCardOperationUseCase,
        AuthorizeRpc,
        FollowUpUseCase,
        FollowUpRpc,
        CashierPromptRepository,
        PromptAnswerUseCase,
        PromptAnswerRpc,
        PromptExpiryWorker,
        CloseDayUseCase,
        TerminalServiceUseCase,
        TerminalServiceRpc,
        OperationOutcomeUseCase,
        OperationOutcomeRpc,
        InterruptedAttemptRecovery,
        ReversalWorker,
        ReversalQueueMetrics,
      ],
      exports: [JournalRepository, ReversalWorker],
    };
  }
}
