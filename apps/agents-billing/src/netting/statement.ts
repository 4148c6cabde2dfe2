/** The ledger account of a node a statement section is about. */
export type StatementAccountRole = 'node' | 'commission';

/** A movement kind on a node's account (credits positive, debits negative in a section's totals). */
export const NODE_MOVEMENTS = ['fundingsReceived', 'fundingsGiven', 'payments', 'fees', 'settlementsReceived', 'other'] as const;
/** A movement kind on a node's commission account. */
export const COMMISSION_MOVEMENTS = ['commissionsEarned', 'settlementsPaid', 'other'] as const;
export type MovementKind = (typeof NODE_MOVEMENTS)[number] | (typeof COMMISSION_MOVEMENTS)[number];

/** The ledger's account kinds of a node's own account (a transfer between two of them is a funding). */
const NODE_ACCOUNT_KINDS = new Set(['dealer', 'agent', 'sub_agent']);

/** The posted total of one side of an account against one kind of counterparty account, in a period. */
export interface MovementTotal {
  readonly side: 'debit' | 'credit';
  /** The ledger kind of the account on the other side. */
  readonly counterpartyKind: string;
  readonly amount: bigint;
}

/** One account's period: opening + the movements (credits − debits) = closing, posted balances (credits − debits). */
export interface StatementSection {
  readonly role: StatementAccountRole;
  readonly accountId: string;
  readonly opening: bigint;
  readonly movements: Readonly<Record<string, bigint>>;
  readonly closing: bigint;
}

/** What a movement is, from the account's role, its side and the kind of account on the other side. */
export function movementKindOf(role: StatementAccountRole, { side, counterpartyKind }: Omit<MovementTotal, 'amount'>): MovementKind {
  const nodeCounterparty = NODE_ACCOUNT_KINDS.has(counterpartyKind);
  if (role === 'commission') {
    if (side === 'credit' && counterpartyKind === 'commission_expense') return 'commissionsEarned';
    return side === 'debit' && nodeCounterparty ? 'settlementsPaid' : 'other';
  }
  if (nodeCounterparty) return side === 'credit' ? 'fundingsReceived' : 'fundingsGiven';
  if (side === 'debit' && counterpartyKind === 'payee_clearing') return 'payments';
  if (side === 'debit' && counterpartyKind === 'fee_income') return 'fees';
  if (side === 'credit' && counterpartyKind === 'commission') return 'settlementsReceived';
  return 'other';
}

export class UnbalancedStatementError extends Error {
  constructor(section: StatementSection, sum: bigint) {
    super(
      `statement of ${section.role} account ${section.accountId} does not balance: opening ${section.opening} + movements ${sum} != closing ${section.closing}`,
    );
  }
}

/**
 * One account's section: every movement kind of its role (0 when none), credits added and debits
 * subtracted. Throws when opening + movements is not the closing balance the ledger holds: a
 * statement that does not add up is never served.
 */
export function statementSectionOf(input: {
  role: StatementAccountRole;
  accountId: string;
  opening: bigint;
  totals: readonly MovementTotal[];
  closing: bigint;
}): StatementSection {
  const kinds: readonly MovementKind[] = input.role === 'node' ? NODE_MOVEMENTS : COMMISSION_MOVEMENTS;
  const movements: Record<string, bigint> = Object.fromEntries(kinds.map((kind) => [kind, 0n]));
  for (const total of input.totals) {
    movements[movementKindOf(input.role, total)] += total.side === 'credit' ? total.amount : -total.amount;
  }
  const section: StatementSection = { role: input.role, accountId: input.accountId, opening: input.opening, movements, closing: input.closing };
  const sum = Object.values(movements).reduce((a, b) => a + b, 0n);
  if (input.opening + sum !== input.closing) throw new UnbalancedStatementError(section, sum);
  return section;
}
