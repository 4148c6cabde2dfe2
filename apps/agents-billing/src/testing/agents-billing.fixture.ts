import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { findLedgerViolations, Ledger } from '@payments/ledger';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { PlatformAccounts } from '../accounts/platform-accounts';
import { AlertSignals } from '../alerts/alert-signals';
import { changeAccountsOf } from '../change/change-account';
import { ChangeBalanceQuery } from '../change/change-balance.query';
import { ChangePins } from '../change/change-pins';
import { MoveChangeUseCase } from '../change/move-change.usecase';
import { BalanceAlertsWorker } from '../alerts/conditions/balance-alerts.worker';
import { NodeFiguresRepository } from '../alerts/conditions/node-figures.repository';
import { AlertDeliveryRepository } from '../alerts/delivery/alert-delivery.repository';
import { type AlertDeliverySettings, AlertDeliveryWorker, DEFAULT_DELIVERY_SETTINGS } from '../alerts/delivery/alert-delivery.worker';
import type { AlertSenders } from '../alerts/delivery/alert-senders';
import { AlertContactRepository } from '../alerts/rules/alert-contact.repository';
import { AlertRuleRepository } from '../alerts/rules/alert-rule.repository';
import { CommissionPlanRepository } from '../commissions/commission-plan.repository';
import type { CommissionRule } from '../commissions/commission-rule';
import { FundChildUseCase } from '../funding/fund-child.usecase';
import { NetDayUseCase } from '../netting/net-day.usecase';
import { NettingRepository } from '../netting/netting.repository';
import { NettingWorker } from '../netting/netting.worker';
import { NodeStatementUseCase } from '../netting/node-statement.usecase';
import { HttpPayeeGateway } from '../gateways/http-payee-gateway';
import { PayeeGatewayHealth } from '../gateways/payee-gateway-health';
import { platformSigningKeyOf, type PlatformSigningKey } from '../gateways/platform-signing-key';
import { PaymentForwarding } from '../payments/payment-forwarding';
import { PayeeAccountCheckUseCase } from '../payees/payee-account-check.usecase';
import { AgentPaymentRepository } from '../payments/agent-payment.repository';
import { PayPayeeUseCase } from '../payments/pay-payee.usecase';
import type { PayeeDefinition } from '../payees/payee';
import { PayeeRepository } from '../payees/payee.repository';
import { ReservedPaymentsWorker } from '../payments/reserved-payments.worker';
import { AgentTerminalRepository } from '../terminal-api/agent-terminal.repository';
import { TerminalPaymentUseCase } from '../terminal-api/terminal-payment.usecase';
import { TerminalRequestRepository } from '../terminal-api/terminal-request.repository';
import { registriesStack, type RegistriesStack, type RegistriesStackOptions } from '../registries/testing/registries.stack';
import type { AgentNode, NodeLimits } from '../tree/agent-node';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { ChangeLimitsUseCase } from '../tree/change-limits.usecase';
import { NodeStatusUseCase } from '../tree/node-status.usecase';
import { OpenNodeUseCase } from '../tree/open-node.usecase';
import { ImportVoucherBatchUseCase } from '../vouchers/import-voucher-batch.usecase';
import { SellVoucherUseCase } from '../vouchers/sell-voucher.usecase';
import { VoucherBatchRepository } from '../vouchers/voucher-batch.repository';
import { voucherCodeCipherOf } from '../vouchers/voucher-code.cipher';
import { ReservedVoucherSalesWorker } from '../vouchers/reserved-voucher-sales.worker';
import { VoucherReturnsUseCase } from '../vouchers/voucher-returns.usecase';
import { VoucherSaleRepository } from '../vouchers/voucher-sale.repository';
import { VoucherStockRepository } from '../vouchers/voucher-stock.repository';
import { VoucherStockWatch } from '../vouchers/voucher-stock.watch';

const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const NO_LIMITS: NodeLimits = { creditLimit: 0n, paymentLimit: null, dailyLimit: null };

/** The service's use cases over its migrated schema, on real PostgreSQL or PGlite, without Nest. */
export interface AgentsBillingUnderTest {
  readonly scratch: ScratchSchema;
  readonly ledger: Ledger;
  readonly alerts: AlertSignals;
  readonly alertRules: AlertRuleRepository;
  readonly alertContacts: AlertContactRepository;
  readonly alertDeliveries: AlertDeliveryRepository;
  readonly balanceAlerts: BalanceAlertsWorker;
  /** A delivery worker over these senders (another call: another worker, as a second replica would run). */
  alertDelivery(senders: AlertSenders, settings?: Partial<AlertDeliverySettings>): AlertDeliveryWorker;
  readonly nodes: AgentNodeRepository;
  readonly plans: CommissionPlanRepository;
  readonly payees: PayeeRepository;
  readonly open: OpenNodeUseCase;
  readonly changeLimits: ChangeLimitsUseCase;
  readonly status: NodeStatusUseCase;
  readonly fund: FundChildUseCase;
  readonly pay: PayPayeeUseCase;
  readonly payments: AgentPaymentRepository;
  readonly reservedPayments: ReservedPaymentsWorker;
  /** The agents' terminals with the nonces of their signed requests, and their payments by Idempotency-Key. */
  readonly terminals: AgentTerminalRepository;
  readonly terminalRequests: TerminalRequestRepository;
  readonly terminalPayments: TerminalPaymentUseCase;
  readonly netting: NettingRepository;
  readonly netDay: NetDayUseCase;
  readonly nettingWorker: NettingWorker;
  readonly statements: NodeStatementUseCase;
  /** The platform's key that signs requests to payee gateways (made for this run). */
  readonly signingKey: PlatformSigningKey;
  readonly forwarding: PaymentForwarding;
  readonly accountCheck: PayeeAccountCheckUseCase;
  readonly moveChange: MoveChangeUseCase;
  readonly changeBalance: ChangeBalanceQuery;
  readonly importVouchers: ImportVoucherBatchUseCase;
  readonly sellVoucher: SellVoucherUseCase;
  readonly voucherReturns: VoucherReturnsUseCase;
  readonly voucherStock: VoucherStockRepository;
  readonly voucherSales: VoucherSaleRepository;
  /** The voucher sale over another ledger or sales repository (one that fails as a stopped process would). */
  sellVoucherWith(parts: { ledger?: Ledger; sales?: VoucherSaleRepository }): SellVoucherUseCase;
  reservedVoucherSales(sell?: SellVoucherUseCase): ReservedVoucherSalesWorker;
  /** The payment use case over a ledger whose writes fail as a lost connection would (the process stopped mid-payment). */
  payWithLedgerDown(): PayPayeeUseCase;
  dealer(limits?: Partial<NodeLimits>): Promise<AgentNode>;
  child(parent: AgentNode, limits?: Partial<NodeLimits>): Promise<AgentNode>;
  /**
   * A payee in the catalogue (EUR, active, any account `.+` without check digits, no limits, no fee,
   * unless `catalogue` says otherwise) with these commission rules (none: no plan); returns its id.
   */
  payee(
    rules: readonly (Omit<CommissionRule, 'tiers' | 'min' | 'max'> & Partial<CommissionRule>)[],
    catalogue?: Partial<Omit<PayeeDefinition, 'id'>>,
  ): Promise<string>;
  /** The registries feature as a process wires it (each call: a restarted process), delivering as `options` say. */
  registries(options?: RegistriesStackOptions): RegistriesStack;
  /** The ledger's invariants: empty when per currency the balances sum to zero and no account is past its limit. */
  violations(): Promise<string[]>;
  outbox(): Promise<{ topic: string; key: string; payload: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

/** `clock`: the time the ledger writes on its transfers (default: the system clock), e.g. a day of the past to net. */
export async function openAgentsBilling(kind: 'postgres' | 'pglite', options: { clock?: () => Date } = {}): Promise<AgentsBillingUnderTest> {
  const scratch = await openScratchSchema(kind, { appSchema: 'agents_billing', migrationsDir: MIGRATIONS, poolSize: 6 });
  const db = scratch.db.connection;
  const ledger = new Ledger(db, { clock: options.clock });
  const nodes = new AgentNodeRepository(db);
  const plans = new CommissionPlanRepository(db);
  const payees = new PayeeRepository(db);
  const open = new OpenNodeUseCase(nodes, ledger);
  const payments = new AgentPaymentRepository(db, nodes, plans, payees);
  const signingKey = platformSigningKeyOf({});
  const gateway = new HttpPayeeGateway(signingKey);
  const gatewayHealth = new PayeeGatewayHealth(new AlertSignals(db));
  const forwarding = new PaymentForwarding(payments, payees, gateway, gatewayHealth, ledger);
  const pay = new PayPayeeUseCase(payments, new PlatformAccounts(ledger), ledger, forwarding);
  const terminalRequests = new TerminalRequestRepository(db);
  const netting = new NettingRepository(db);
  const netDay = new NetDayUseCase(netting, nodes, ledger, db);
  const voucherCipher = voucherCodeCipherOf({});
  const changeAccounts = changeAccountsOf({});
  const changePins = new ChangePins(db);
  const voucherBatches = new VoucherBatchRepository(db);
  const voucherStock = new VoucherStockRepository(db);
  const voucherWatch = new VoucherStockWatch(voucherStock, new AlertSignals(db));
  const voucherSales = new VoucherSaleRepository(db);
  const sellVoucherWith = (parts: { ledger?: Ledger; sales?: VoucherSaleRepository }) =>
    new SellVoucherUseCase(nodes, parts.sales ?? voucherSales, parts.ledger ?? ledger, voucherCipher, voucherWatch);
  const alerts = new AlertSignals(db);
  const alertRules = new AlertRuleRepository(db);
  const alertContacts = new AlertContactRepository(db);
  const alertDeliveries = new AlertDeliveryRepository(db);
  const nodeFigures = new NodeFiguresRepository(db);
  const down = Object.assign(Object.create(ledger) as Ledger, { transferChain: () => Promise.reject(new Error('connection terminated')) });
  const opened = async (outcome: ReturnType<OpenNodeUseCase['execute']>): Promise<AgentNode> => {
    const result = await outcome;
    if (result.kind !== 'opened') throw new Error(`expected a node opened, got ${result.kind}`);
    return result.node;
  };
  return {
    scratch,
    ledger,
    alerts,
    alertRules,
    alertContacts,
    alertDeliveries,
    balanceAlerts: new BalanceAlertsWorker(nodeFigures, alertRules, alerts),
    alertDelivery: (senders, settings = {}) =>
      new AlertDeliveryWorker(alerts, alertRules, alertContacts, nodeFigures, alertDeliveries, senders, {
        ...DEFAULT_DELIVERY_SETTINGS,
        operators: [],
        ...settings,
      }),
    nodes,
    plans,
    payees,
    open,
    changeLimits: new ChangeLimitsUseCase(nodes, ledger),
    status: new NodeStatusUseCase(nodes),
    fund: new FundChildUseCase(nodes, ledger, db),
    pay,
    payments,
    reservedPayments: new ReservedPaymentsWorker(payments, pay),
    terminals: new AgentTerminalRepository(db),
    terminalRequests,
    terminalPayments: new TerminalPaymentUseCase(terminalRequests, pay),
    netting,
    netDay,
    nettingWorker: new NettingWorker(netting, netDay),
    statements: new NodeStatementUseCase(nodes, netting, ledger),
    signingKey,
    forwarding,
    accountCheck: new PayeeAccountCheckUseCase(gateway, gatewayHealth),
    payWithLedgerDown: () => new PayPayeeUseCase(payments, new PlatformAccounts(down), down, forwarding),
    moveChange: new MoveChangeUseCase(nodes, ledger, db, changeAccounts, changePins),
    changeBalance: new ChangeBalanceQuery(ledger, changeAccounts, changePins),
    importVouchers: new ImportVoucherBatchUseCase(voucherBatches, voucherCipher, voucherWatch),
    sellVoucher: sellVoucherWith({}),
    voucherSales,
    sellVoucherWith,
    reservedVoucherSales: (sell = sellVoucherWith({})) => new ReservedVoucherSalesWorker(voucherSales, sell),
    voucherReturns: new VoucherReturnsUseCase(voucherBatches, nodes, ledger, voucherWatch, db),
    voucherStock,
    dealer: (limits = {}) => opened(open.execute({ name: 'dealer', currency: 'EUR', limits: { ...NO_LIMITS, ...limits } })),
    child: (parent, limits = {}) => opened(open.execute({ parentId: parent.id, name: `below ${parent.name}`, limits: { ...NO_LIMITS, ...limits } })),
    async payee(rules, catalogue = {}) {
      const payeeId = `payee-${randomUUID().slice(0, 8)}`;
      await payees.put({
        id: payeeId,
        name: payeeId,
        currency: 'EUR',
        status: 'active',
        accountPattern: '.+',
        accountChecksum: 'none',
        minAmount: null,
        maxAmount: null,
        fee: { percentBasisPoints: 0n, fixed: 0n },
        ...catalogue,
      });
      await plans.replace({ payeeId, rules: rules.map((r) => ({ tiers: [], min: null, max: null, ...r })) });
      return payeeId;
    },
    registries: (options) => registriesStack(db, options),
    violations: () => findLedgerViolations(db),
    async outbox() {
      const rows = await db.query<{ topic: string; message_key: string; payload: unknown }>(
        `SELECT "topic", "message_key", "payload" FROM "outbox_message" ORDER BY "created_at", "id"`,
      );
      return rows.map((r) => ({
        topic: r.topic,
        key: r.message_key,
        payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
      }));
    },
    close: () => scratch.close(),
  };
}
