import { DynamicModule, Module } from '@nestjs/common';

import { GATEWAY_ENV, loadGatewayEnv } from './config/gateway-env';
import { gatewayDbProvider } from './database/gateway-db.provider';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { CreatePurchaseUseCase } from './purchases/create-purchase.usecase';
import { PurchaseController } from './purchases/purchase.controller';
import { ApiClientRepository } from './terminals/api-client.repository';
import { DemoTerminalSeeder } from './terminals/demo-terminal.seeder';
import { TerminalKeyGuard } from './terminals/terminal-key.guard';

/** The gateway as one module: the registers' REST API (gRPC and e-commerce come later). */
@Module({})
export class GatewayModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [PurchaseController],
      providers: [
        { provide: GATEWAY_ENV, useValue: loadGatewayEnv(env) },
        gatewayDbProvider,
        ApiClientRepository,
        TerminalKeyGuard,
        DemoTerminalSeeder,
        IdempotencyRepository,
        IdempotencyService,
        CreatePurchaseUseCase,
      ],
      exports: [ApiClientRepository],
    };
  }
}
