import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

import { Ledger } from '@payments/ledger';

import { CommissionPlanRepository } from '../commissions/commission-plan.repository';
import { FundChildUseCase } from '../funding/fund-child.usecase';
import { PayeeRepository } from '../payees/payee.repository';
import { AgentTerminalRepository } from '../terminal-api/agent-terminal.repository';
import { OpenNodeUseCase } from '../tree/open-node.usecase';
import { DEMO_AGENTS, DEMO_PAYEE, DEMO_PLAN, SEED_DEMO_AGENTS } from './demo-agents';
import { DEMO_TERMINAL } from './demo-terminal';

/**
 * Seeds the demo network when AGENTS_BILLING_SEED_DEMO is true (the embedded mode sets it): through the
 * service's own use cases, each step idempotent by its fixed id, so a restart changes nothing and
 * never funds the kiosk twice. An operator's later changes to the payee or plan are kept.
 */
@Injectable()
export class DemoAgentsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoAgentsSeeder.name);

  constructor(
    private readonly openNode: OpenNodeUseCase,
    private readonly fundChild: FundChildUseCase,
    private readonly payees: PayeeRepository,
    private readonly plans: CommissionPlanRepository,
    private readonly ledger: Ledger,
    private readonly terminals: AgentTerminalRepository,
    @Inject(SEED_DEMO_AGENTS) private readonly seed: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.seed) return;
    const { dealerId, kioskId, fundingId, fundingAmount, currency } = DEMO_AGENTS;
    const noLimits = { paymentLimit: null, dailyLimit: null };
    const dealer = await this.openNode.execute({ id: dealerId, name: 'Demo Dealer', currency, limits: { creditLimit: 1_000_000n, ...noLimits } });
    const kiosk = await this.openNode.execute({
      id: kioskId,
      parentId: dealerId,
      name: 'Demo Kiosk',
      limits: { creditLimit: 0n, paymentLimit: 50_000n, dailyLimit: 200_000n },
    });
    if (dealer.kind !== 'opened' || kiosk.kind !== 'opened') throw new Error(`demo agents: the tree could not be opened (${dealer.kind}, ${kiosk.kind})`);
    // Funded once: a funding found posted is not sent again (that would publish its event again).
    if (!(await this.ledger.findTransfer(fundingId))) {
      const funded = await this.fundChild.execute({ fundingId, childId: kioskId, amount: fundingAmount });
      if (funded.kind !== 'funded') throw new Error(`demo agents: the kiosk could not be funded (${funded.kind})`);
    }
    if (!(await this.payees.find(DEMO_PAYEE.id))) await this.payees.put(DEMO_PAYEE);
    if (!(await this.plans.find(DEMO_PLAN.payeeId))) await this.plans.replace(DEMO_PLAN);
    // Registered once by its fixed id (a restart finds it; an operator's block stays).
    await this.terminals.register(DEMO_TERMINAL);
    if (dealer.created) this.logger.log(`demo agents: dealer ${dealerId}, kiosk ${kioskId} funded ${fundingAmount} minor units, payee ${DEMO_PAYEE.id}`);
  }
}
