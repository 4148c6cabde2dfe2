import { randomUUID } from 'node:crypto';

import { type AccountRequest, findLedgerViolations, Ledger } from '@payments/ledger';
import type { SqlConnection } from '@payments/persistence';

/** One way of posting transfers that all debit the same (hot) account. */
export interface HotAccountSide {
  readonly name: string;
  setUp(): Promise<void>;
  /** Posts transfer i: the hot account pays agent i mod agents. */
  send(i: number): Promise<void>;
  /** Broken invariants after the run, one line each. */
  check(succeeded: number): Promise<string[]>;
}

const AMOUNT = 100n;
/** Large enough that no transfer of the run is refused: the cost measured is the contention. */
const CREDIT_LIMIT = 10n ** 15n;

/**
 * The naive way: each transfer is its own transaction, BEGIN; a conditional UPDATE of the hot
 * account's balance (the limit in its WHERE); UPDATE of the other account; INSERT of the transfer;
 * COMMIT. The hot row stays locked from the first UPDATE to the COMMIT (three round trips and the
 * commit's flush), so transfers on it run one at a time.
 */
export function naiveSide(connection: SqlConnection, agents: number): HotAccountSide {
  return {
    name: 'baseline',
    async setUp() {
      await connection.exec(`
        CREATE TABLE naive_account (id INT PRIMARY KEY, balance BIGINT NOT NULL DEFAULT 0, credit_limit BIGINT NOT NULL DEFAULT 0);
        CREATE TABLE naive_transfer (id UUID PRIMARY KEY, debit_account_id INT NOT NULL REFERENCES naive_account(id),
          credit_account_id INT NOT NULL REFERENCES naive_account(id), amount BIGINT NOT NULL CHECK (amount > 0),
          created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP);
        INSERT INTO naive_account (id, credit_limit) SELECT g, CASE WHEN g = 0 THEN ${CREDIT_LIMIT} ELSE 0 END FROM generate_series(0, ${agents}) g;`);
    },
    async send(i) {
      await connection.transaction(async (tx) => {
        const debited = await tx.execute('UPDATE naive_account SET balance = balance - $2 WHERE id = $1 AND balance - $2 >= -credit_limit', [
          0,
          AMOUNT.toString(),
        ]);
        if (debited !== 1) throw new Error('refused: past the limit');
        await tx.execute('UPDATE naive_account SET balance = balance + $2 WHERE id = $1', [1 + (i % agents), AMOUNT.toString()]);
        await tx.execute('INSERT INTO naive_transfer (id, debit_account_id, credit_account_id, amount) VALUES ($1, $2, $3, $4)', [
          randomUUID(),
          0,
          1 + (i % agents),
          AMOUNT.toString(),
        ]);
      });
    },
    async check(succeeded) {
      const [sums] = await connection.query<{ total: string; transfers: string; drifted: string }>(
        `SELECT (SELECT SUM(balance) FROM naive_account)::text AS total, (SELECT COUNT(*) FROM naive_transfer)::text AS transfers,
           (SELECT COUNT(*) FROM naive_account a WHERE a.balance <> COALESCE((SELECT SUM(amount) FROM naive_transfer WHERE credit_account_id = a.id), 0)
              - COALESCE((SELECT SUM(amount) FROM naive_transfer WHERE debit_account_id = a.id), 0))::text AS drifted`,
      );
      const problems: string[] = [];
      if (sums?.total !== '0') problems.push(`balances sum to ${sums?.total}, not zero`);
      if (sums?.drifted !== '0') problems.push(`${sums?.drifted} accounts differ from the sum of their transfers`);
      if (Number(sums?.transfers) !== succeeded) problems.push(`${sums?.transfers} transfers written, ${succeeded} acknowledged`);
      return problems;
    },
  };
}

/** The ledger: the same transfers through its single writer, batched per transaction. */
export function ledgerSide(connection: SqlConnection, agents: number): HotAccountSide {
  const ledger = new Ledger(connection);
  const hot = randomUUID();
  const agentIds = Array.from({ length: agents }, () => randomUUID());
  return {
    name: 'ledger',
    async setUp() {
      const dealer: AccountRequest = { id: hot, currency: 'EUR', kind: 'dealer', debitsMustNotExceedCredits: true, creditLimit: CREDIT_LIMIT };
      await ledger.createAccounts([dealer, ...agentIds.map((id): AccountRequest => ({ id, currency: 'EUR', kind: 'agent' }))]);
    },
    async send(i) {
      await ledger.transfer({ id: randomUUID(), debitAccountId: hot, creditAccountId: agentIds[i % agents], amount: AMOUNT, currency: 'EUR' });
    },
    async check(succeeded) {
      const problems = await findLedgerViolations(connection);
      const [row] = await connection.query<{ n: string }>('SELECT COUNT(*)::text AS n FROM ledger_transfer');
      if (Number(row?.n) !== succeeded) problems.push(`${row?.n} transfers written, ${succeeded} acknowledged`);
      return problems;
    },
  };
}
