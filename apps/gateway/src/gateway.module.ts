import { DynamicModule, Module } from '@nestjs/common';

import { abandonV1 } from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { AbandonOperationUseCase } from './abandonment/abandon-operation.usecase';
import { AbandonmentRepository } from './abandonment/abandonment.repository';
import { ConsoleController } from './console/console.controller';
import { OPERATOR_PROXY, OperatorProxyController } from './console/operator-proxy.controller';
import { operatorProxyOf } from './console/operator-proxy.provider';

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
import { TerminalAdminController } from './terminals/admin/terminal-admin.controller';
import { TerminalAdminService } from './terminals/admin/terminal-admin.service';
import { DemoTerminalSeeder } from './terminals/demo-terminal.seeder';
import { TerminalServiceController } from './terminal-services/terminal-service.controller';
import { TerminalServiceUseCase } from './terminal-services/terminal-service.usecase';
import { TerminalKeyCache } from './terminals/terminal-key.cache';
import { TerminalKeyGuard } from './terminals/terminal-key.guard';
import { AuditLogController } from './operators/audit-log.controller';
import { OperatorAccountsController } from './operators/operator-accounts.controller';
import { OperatorAccountsService } from './operators/operator-accounts.service';
import { OperatorAdminSeeder } from './operators/operator-admin.seeder';
import { OperatorAuditConsumer } from './operators/operator-audit.consumer';
import { operatorIdentityProviders } from './operators/operator-identity.providers';
import { OperatorSessionController } from './operators/operator-session.controller';

/**
 * The gateway as one module: the registers' REST and gRPC APIs (e-commerce comes later), and the
 * operators' accounts, sessions and audit log (its own lines and those other services publish).
 */
@Module({})
export class GatewayModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const gatewayEnv = loadGatewayEnv(env);
    // Distributed mode: the console's journal, PIN pad and settlement calls, forwarded.
    const proxy = operatorProxyOf(gatewayEnv);
    return {
      module: GatewayModule,
      controllers: [
        PurchaseController,
        CardOperationController,
        FollowUpController,
        TerminalServiceController,
        PromptAnswerController,
        OperatorSessionController,
        OperatorAccountsController,
        AuditLogController,
        TerminalAdminController,
        ConsoleController,
        ...(proxy ? [OperatorProxyController] : []),
      ],
      providers: [
        { provide: GATEWAY_ENV, useValue: gatewayEnv },
        ...(proxy ? [{ provide: OPERATOR_PROXY, useValue: proxy }] : []),
        gatewayDbProvider,
        gatewaySqlProvider,
        outboxRelayProvider('gateway', GATEWAY_DB, [abandonV1]),
        ApiClientRepository,
        TerminalKeyCache,
        TerminalKeyGuard,
        DemoTerminalSeeder,
        TerminalAdminService,
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
        ...operatorIdentityProviders,
        OperatorAccountsService,
        OperatorAuditConsumer,
        OperatorAdminSeeder,
      ],
      exports: [ApiClientRepository],
    };
  }
}
