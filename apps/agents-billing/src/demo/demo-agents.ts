import type { CommissionPlan } from '../commissions/commission-rule';
import type { PayeeDefinition } from '../payees/payee';

/** Whether the demo network is seeded at start (AGENTS_BILLING_SEED_DEMO=true). */
export const SEED_DEMO_AGENTS = Symbol('SeedDemoAgents');

/**
 * The embedded mode's demo network (AGENTS_BILLING_SEED_DEMO=true): a dealer with a credit limit,
 * one kiosk under it funded from it, and a mobile top-up payee with its commission plan, under fixed
 * ids so a restart finds them again and a curl can name them.
 */
export const DEMO_AGENTS = {
  dealerId: '00000000-0000-4000-8000-00000000d001',
  kioskId: '00000000-0000-4000-8000-00000000a001',
  /** The kiosk's funding from the dealer: 500.00, once. */
  fundingId: '00000000-0000-4000-8000-00000000f001',
  fundingAmount: 50_000n,
  currency: 'EUR',
} as const;

export const DEMO_PAYEE: PayeeDefinition = {
  id: 'demo-mobile-topup',
  name: 'Demo mobile top-up',
  currency: 'EUR',
  status: 'active',
  // A Czech mobile number in international form.
  accountPattern: '\\+420[67][0-9]{8}',
  accountChecksum: 'none',
  minAmount: 100n,
  maxAmount: 50_000n,
  fee: { percentBasisPoints: 0n, fixed: 20n },
};

/** The dealer earns 0.50 %, the kiosk 1.00 % (at least 0.05) of each top-up. */
export const DEMO_PLAN: CommissionPlan = {
  payeeId: DEMO_PAYEE.id,
  rules: [
    { level: 'dealer', percentBasisPoints: 50n, fixed: 0n, tiers: [], min: null, max: null },
    { level: 'agent', percentBasisPoints: 100n, fixed: 0n, tiers: [], min: 5n, max: null },
  ],
};
