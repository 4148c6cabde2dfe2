import { DynamicModule, Module } from '@nestjs/common';

import { agentsBillingDbProvider } from './database/agents-billing-db.provider';

/** The agents-billing service as one module. Thin for now: it boots, owns its schema and reports health. */
@Module({})
export class AgentsBillingModule {
  static forRoot(_env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return { module: AgentsBillingModule, providers: [agentsBillingDbProvider] };
  }
}
