import { DynamicModule, Module } from '@nestjs/common';

import { abandonV1 } from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { AbandonOperationUseCase } from './abandonment/abandon-operation.usecase';
import { AbandonmentRepository } from './abandonment/abandonment.repository';

import { GATEWAY_ENV, loadGatewayEnv } from './config/gateway-env';
import { GATEWAY_DB, gatewayDbProvider, gatewaySqlProvider } from './database/gateway-db.provider';
import { terminalGrpcProviders } from './grpc/terminal-grpc.providers';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { FollowUpController } from './follow-ups/follow-up.controller';
import { FollowUpUseCase } from './follow-ups/follow-up.usecase';
import { CardOperationController } from './operations/card-operation.controller';
import { CardOperationUseCase } from './operations/card-operation.usecase';
import { RegisterOperationRunner } from './operations/register-operation.runner';
import { InProgressTakeover } from './failover/in-progress-takeover';
import { PromptAnswerController } from './prompts/prompt-answer.controller';
import { PromptAnswerUseCase } from './prompts/prompt-answer.usecase';
import { CreatePurchaseUseCase } from './purchases/create-purchase.usecase';
import { PurchaseController } from './purchases/purchase.controller';
import { ApiClientRepository } from './terminals/api-client.repository';
import { DemoTerminalSeeder } from './terminals/demo-terminal.seeder';
import { TerminalServiceController } from './terminal-services/terminal-service.controller';
import { TerminalServiceUseCase } from './terminal-services/terminal-service.usecase';
import { TerminalKeyCache } from './terminals/terminal-key.cache';
import { TerminalKeyGuard } from './terminals/terminal-key.guard';

/** The gateway as one module: the registers' REST and gRPC APIs (e-commerce comes later). */
@Module({})
export class GatewayModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [PurchaseController, CardOperationController, FollowUpController, TerminalServiceController, PromptAnswerController],
      providers: [
        { provide: GATEWAY_ENV, useValue: loadGatewayEnv(env) },
        gatewayDbProvider,
        gatewaySqlProvider,
        outboxRelayProvider('gateway', GATEWAY_DB, [abandonV1]),
        ApiClientRepository,
        TerminalKeyCache,
        TerminalKeyGuard,
        DemoTerminalSeeder,
        IdempotencyRepository,
        IdempotencyService,
        AbandonmentRepository,
        AbandonOperationUseCase,
        InProgressTakeover,
        RegisterOperationRunner,
        CardOperationUseCase,
        CreatePurchaseUseCase,
        FollowUpUseCase,
        TerminalServiceUseCase,
        PromptAnswerUseCase,
        ...terminalGrpcProviders,
      ],
      exports: [ApiClientRepository],
    };
  }
}
