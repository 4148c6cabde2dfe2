import { DynamicModule, Module } from '@nestjs/common';

import type { Cache } from '@payments/cache';
import { CACHE } from '@payments/runtime';

import { AssessTransactionUseCase } from './assessment/assess-transaction.usecase';
import { AssessmentRpc } from './assessment/assessment.rpc';
import { DecisionRepository } from './assessment/decision.repository';
import { CardVelocityRule } from './assessment/rules/card-velocity.rule';
import { FRAUD_RULES } from './assessment/rules/fraud-rule';
import { MaxAmountRule } from './assessment/rules/max-amount.rule';
import { ANTIFRAUD_ENV, AntifraudEnv, loadAntifraudEnv } from './config/antifraud-env';
import { antifraudDbProvider } from './database/antifraud-db.provider';

/** The antifraud service as one module. */
@Module({})
export class AntifraudModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: AntifraudModule,
      providers: [
        { provide: ANTIFRAUD_ENV, useValue: loadAntifraudEnv(env) },
        {
          provide: FRAUD_RULES,
          inject: [ANTIFRAUD_ENV, CACHE],
          useFactory: (config: AntifraudEnv, cache: Cache) => [new MaxAmountRule(config), new CardVelocityRule(cache, config)],
        },
        antifraudDbProvider,
        DecisionRepository,
        AssessTransactionUseCase,
        AssessmentRpc,
      ],
    };
  }
}
