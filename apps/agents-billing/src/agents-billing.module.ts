import { DynamicModule, Module } from '@nestjs/common';

import { agentsTransferPostedV1 } from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { PlatformAccounts } from './accounts/platform-accounts';
import { AlertSignals } from './alerts/alert-signals';
import { ALERTS_CONTROLLERS, alertsProviders } from './alerts/api/alerts.wiring';
import { CommissionPlanRepository } from './commissions/commission-plan.repository';
import { CommissionPlansController } from './commissions/commission-plans.controller';
import { AGENTS_BILLING_DB, agentsBillingDbProvider, agentsLedgerProvider } from './database/agents-billing-db.provider';
import { DemoAgentsSeeder } from './demo/demo-agents.seeder';
import { SEED_DEMO_AGENTS } from './demo/demo-agents';
import { FundChildUseCase } from './funding/fund-child.usecase';
import { NodeFundingsController } from './funding/node-fundings.controller';
import { AgentPaymentRepository } from './payments/agent-payment.repository';
import { NodePaymentsController } from './payments/node-payments.controller';
import { PayPayeeUseCase } from './payments/pay-payee.usecase';
import { PayeeRepository } from './payees/payee.repository';
import { PayeesController } from './payees/payees.controller';
import { ReservedPaymentsWorker } from './payments/reserved-payments.worker';
import { AgentNodeRepository } from './tree/agent-node.repository';
import { AgentNodesController } from './tree/agent-nodes.controller';
import { ChangeLimitsUseCase } from './tree/change-limits.usecase';
import { NodeControlsController } from './tree/node-controls.controller';
import { NodeStatusUseCase } from './tree/node-status.usecase';
import { OpenNodeUseCase } from './tree/open-node.usecase';

/**
 * The agents-billing service as one module: the tree of dealers, agents and sub-agents on the
 * double-entry ledger, funding, limits, blocking, commission plans, the payee catalogue with its
 * payee check, and agents' payments with the payer's fee and the commissions, each posting
 * published as agents.ledger.transfer-posted.v1. It starts with no node and no payee.
 */
@Module({})
export class AgentsBillingModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: AgentsBillingModule,
      controllers: [
        AgentNodesController,
        NodeControlsController,
        NodeFundingsController,
        NodePaymentsController,
        CommissionPlansController,
        PayeesController,
        ...ALERTS_CONTROLLERS,
      ],
      providers: [
        agentsBillingDbProvider,
        agentsLedgerProvider,
        PlatformAccounts,
        AlertSignals,
        // Alert rules, the balance pass and the delivery by email and webhook (AGENTS_BILLING_SMTP_*, AGENTS_BILLING_ALERT_*).
        ...alertsProviders(env),
        AgentNodeRepository,
        OpenNodeUseCase,
        ChangeLimitsUseCase,
        NodeStatusUseCase,
        FundChildUseCase,
        CommissionPlanRepository,
        PayeeRepository,
        AgentPaymentRepository,
        PayPayeeUseCase,
        ReservedPaymentsWorker,
        // The embedded mode's demo dealer, kiosk and payee (AGENTS_BILLING_SEED_DEMO=true).
        { provide: SEED_DEMO_AGENTS, useValue: env.AGENTS_BILLING_SEED_DEMO === 'true' },
        DemoAgentsSeeder,
        outboxRelayProvider('agents-billing', AGENTS_BILLING_DB, [agentsTransferPostedV1]),
      ],
    };
  }
}
