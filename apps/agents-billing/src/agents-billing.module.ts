import { DynamicModule, Module } from '@nestjs/common';

import { agentsCashPostedV1, agentsPaymentReturnedV1, agentsTransferPostedV1 } from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { PlatformAccounts } from './accounts/platform-accounts';
import { AlertSignals } from './alerts/alert-signals';
import { ChangeController } from './change/change.controller';
import { ChangeAccounts, changeAccountsOf } from './change/change-account';
import { ChangeBalanceQuery } from './change/change-balance.query';
import { ChangePins } from './change/change-pins';
import { MoveChangeUseCase } from './change/move-change.usecase';
import { ALERTS_CONTROLLERS, alertsProviders } from './alerts/api/alerts.wiring';
import { CommissionPlanRepository } from './commissions/commission-plan.repository';
import { CommissionPlansController } from './commissions/commission-plans.controller';
import { AGENTS_BILLING_DB, agentsBillingDbProvider, agentsLedgerProvider } from './database/agents-billing-db.provider';
import { DemoAgentsSeeder } from './demo/demo-agents.seeder';
import { SEED_DEMO_AGENTS } from './demo/demo-agents';
import { FundChildUseCase } from './funding/fund-child.usecase';
import { HttpPayeeGateway } from './gateways/http-payee-gateway';
import { PAYEE_GATEWAY } from './gateways/payee-gateway';
import { PayeeGatewayHealth } from './gateways/payee-gateway-health';
import { platformSigningKeyProvider } from './gateways/platform-signing-key';
import { SigningKeyController } from './gateways/signing-key.controller';
import { NodeFundingsController } from './funding/node-fundings.controller';
import { NetDayUseCase } from './netting/net-day.usecase';
import { NettingController } from './netting/netting.controller';
import { NettingRepository } from './netting/netting.repository';
import { NettingWorker } from './netting/netting.worker';
import { NodeStatementUseCase } from './netting/node-statement.usecase';
import { AgentPaymentRepository } from './payments/agent-payment.repository';
import { NodePaymentsController } from './payments/node-payments.controller';
import { PayPayeeUseCase } from './payments/pay-payee.usecase';
import { PaymentForwarding } from './payments/payment-forwarding';
import { PayeeAccountCheckUseCase } from './payees/payee-account-check.usecase';
import { PayeeRepository } from './payees/payee.repository';
import { PayeesController } from './payees/payees.controller';
import { ReservedPaymentsWorker } from './payments/reserved-payments.worker';
import { AgentTerminalController } from './terminal-api/agent-terminal.controller';
import { AgentTerminalRepository } from './terminal-api/agent-terminal.repository';
import { TerminalPaymentUseCase } from './terminal-api/terminal-payment.usecase';
import { TerminalCashController } from './terminal-api/terminal-cash.controller';
import { TerminalRequestRepository } from './terminal-api/terminal-request.repository';
import { TerminalSignatureGuard } from './terminal-api/terminal-signature.guard';
import { TerminalsController } from './terminal-api/terminals.controller';
import { registriesFeature } from './registries/registries.providers';
import { AgentNodeRepository } from './tree/agent-node.repository';
import { AgentNodesController } from './tree/agent-nodes.controller';
import { ChangeLimitsUseCase } from './tree/change-limits.usecase';
import { NodeControlsController } from './tree/node-controls.controller';
import { NodeStatusUseCase } from './tree/node-status.usecase';
import { OpenNodeUseCase } from './tree/open-node.usecase';
import { ImportVoucherBatchUseCase } from './vouchers/import-voucher-batch.usecase';
import { ReservedVoucherSalesWorker } from './vouchers/reserved-voucher-sales.worker';
import { SellVoucherUseCase } from './vouchers/sell-voucher.usecase';
import { VoucherBatchRepository } from './vouchers/voucher-batch.repository';
import { VoucherCodeCipher, voucherCodeCipherOf } from './vouchers/voucher-code.cipher';
import { VoucherReturnsUseCase } from './vouchers/voucher-returns.usecase';
import { VoucherSaleRepository } from './vouchers/voucher-sale.repository';
import { VoucherStockController } from './vouchers/voucher-stock.controller';
import { VoucherStockRepository } from './vouchers/voucher-stock.repository';
import { VoucherStockWatch } from './vouchers/voucher-stock.watch';

/**
 * The agents-billing service as one module: the tree of dealers, agents and sub-agents on the
 * double-entry ledger, funding, limits, blocking, commission plans, the payee catalogue with its
 * payee check, and agents' payments with the payer's fee and the commissions, each posting
 * published as agents.ledger.transfer-posted.v1. It starts with no node and no payee.
 */
@Module({})
export class AgentsBillingModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const registries = registriesFeature(env);
    return {
      module: AgentsBillingModule,
      controllers: [
        AgentNodesController,
        NodeControlsController,
        NodeFundingsController,
        NodePaymentsController,
        CommissionPlansController,
        PayeesController,
        TerminalsController,
        AgentTerminalController,
        TerminalCashController,
        NettingController,
        SigningKeyController,
        ...registries.controllers,
        ChangeController,
        VoucherStockController,
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
        AgentTerminalRepository,
        TerminalRequestRepository,
        TerminalSignatureGuard,
        TerminalPaymentUseCase,
        NettingRepository,
        NetDayUseCase,
        NodeStatementUseCase,
        NettingWorker,
        // Payee gateways: the platform's signing key, the HTTP adapter, the gateway-down alert, forwarding (ReservedPaymentsWorker resolves the unknown outcomes).
        platformSigningKeyProvider(env),
        { provide: PAYEE_GATEWAY, useClass: HttpPayeeGateway },
        PayeeGatewayHealth,
        PayeeAccountCheckUseCase,
        PaymentForwarding,
        // Change account ids keyed by AGENTS_BILLING_CHANGE_ID_KEY; the payers' change PINs.
        { provide: ChangeAccounts, useFactory: () => changeAccountsOf(env) },
        ChangePins,
        MoveChangeUseCase,
        ChangeBalanceQuery,
        // Scratch voucher codes sealed at rest (AGENTS_BILLING_VOUCHER_KEKS, AGENTS_BILLING_VOUCHER_FINGERPRINT_KEY).
        { provide: VoucherCodeCipher, useFactory: () => voucherCodeCipherOf(env) },
        VoucherBatchRepository,
        VoucherSaleRepository,
        VoucherStockRepository,
        VoucherStockWatch,
        ImportVoucherBatchUseCase,
        SellVoucherUseCase,
        VoucherReturnsUseCase,
        ReservedVoucherSalesWorker,
        // The embedded mode's demo dealer, kiosk and payee (AGENTS_BILLING_SEED_DEMO=true).
        { provide: SEED_DEMO_AGENTS, useValue: env.AGENTS_BILLING_SEED_DEMO === 'true' },
        DemoAgentsSeeder,
        ...registries.providers,
        outboxRelayProvider('agents-billing', AGENTS_BILLING_DB, [agentsTransferPostedV1, agentsPaymentReturnedV1, agentsCashPostedV1]),
      ],
    };
  }
}
