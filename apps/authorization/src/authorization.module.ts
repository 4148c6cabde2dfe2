import { DynamicModule, Module } from '@nestjs/common';

import { transactionAuthorizedV1, transactionDeclinedV1 } from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { AcquirerClient } from './acquirer/acquirer.client';
import { AntifraudClient } from './antifraud-check/antifraud.client';
import { loadAuthorizationEnv } from './config/authorization-env';
import { AUTHORIZATION_ENV } from './config/authorization-env.provider';
import { AUTHORIZATION_DB, authorizationDbProvider } from './database/authorization-db.provider';
import { JournalController } from './journal/journal.controller';
import { JournalRepository } from './journal/journal.repository';
import { AuthorizeConsumer } from './purchase/authorize.consumer';
import { AuthorizePurchaseUseCase } from './purchase/authorize-purchase.usecase';
import { CardReaderService } from './purchase/card-reader.service';
import { ReversalRepository } from './reversal/reversal.repository';
import { ReversalWorker } from './reversal/reversal.worker';

/** The authorization service as one module: mounted by its own main.ts or by the embedded host. */
@Module({})
export class AuthorizationModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: AuthorizationModule,
      controllers: [JournalController],
      providers: [
        { provide: AUTHORIZATION_ENV, useValue: loadAuthorizationEnv(env) },
        authorizationDbProvider,
        outboxRelayProvider('authorization', AUTHORIZATION_DB, [transactionAuthorizedV1, transactionDeclinedV1]),
        JournalRepository,
        ReversalRepository,
        CardReaderService,
        AntifraudClient,
        AcquirerClient,
        AuthorizePurchaseUseCase,
        AuthorizeConsumer,
        ReversalWorker,
      ],
      exports: [JournalRepository, ReversalWorker],
    };
  }
}
