import { join } from 'node:path';

import { applyMigrations, createDatabase, type Database, type SqlConnection } from '@payments/persistence';

import { AbandonmentRepository } from '../../abandonment/abandonment.repository';
import { TerminalBatchRepository } from '../../batch/terminal-batch.repository';
import type { AuthorizationEnv } from '../../config/authorization-env';
import { PrismaClient } from '../../generated/prisma/client';
import { CardOperationStep } from '../card-operation.step';
import { CashierPromptStep } from '../cashier-prompt.step';
import { ExecuteOperationUseCase } from '../execute-operation.usecase';
import { FollowUpStep } from '../follow-up.step';
import { OperationRepository } from '../operation.repository';
import { OriginalRepository } from '../original.repository';
import { OutcomeRecorder } from '../outcome.recorder';
import { RailStep } from '../rail.step';
import { FakeCardSource } from './fake-card-source';
import { FakeCashierPrompts } from './fake-cashier-prompts';
import { FakeRail } from './fake-rail';
import { FakeRiskCheck } from './fake-risk-check';

const MIGRATIONS = join(__dirname, '..', '..', '..', 'prisma', 'migrations');

/** The authorization schema in an in-memory PGlite (real PostgreSQL), with the app's migrations. */
export async function openAuthorizationDb(): Promise<{ db: PrismaClient; sql: SqlConnection; close: () => Promise<void> }> {
  const database: Database = await createDatabase({ kind: 'pglite', schema: 'authorization' });
  await applyMigrations({ connection: database.connection, schema: 'authorization', migrationsDir: MIGRATIONS });
  const db = new PrismaClient({ adapter: database.adapter });
  return {
    db,
    sql: database.connection,
    close: async () => {
      await db.$disconnect();
      await database.close();
    },
  };
}

/** The operation core over a real journal and fake card source, risk check and rail: no servers, no keys, no host. */
export interface OperationCoreFixture {
  readonly sut: ExecuteOperationUseCase;
  readonly db: PrismaClient;
  readonly operations: OperationRepository;
  readonly cards: FakeCardSource;
  readonly risk: FakeRiskCheck;
  readonly rail: FakeRail;
  readonly batches: TerminalBatchRepository;
  readonly cashier: FakeCashierPrompts;
  /** The registers' reports, in the journal as the service keeps them. */
  readonly abandonments: AbandonmentRepository;
}

type PromptEnv = Pick<AuthorizationEnv, 'AUTHORIZATION_PROMPT_TIMEOUT_MS' | 'AUTHORIZATION_PROMPT_LAST4_ENTRY_MODES'>;

export function operationCoreOver(
  db: PrismaClient,
  sql: SqlConnection,
  env: PromptEnv = { AUTHORIZATION_PROMPT_TIMEOUT_MS: 60_000, AUTHORIZATION_PROMPT_LAST4_ENTRY_MODES: ['magstripe'] },
): OperationCoreFixture {
  const cards = new FakeCardSource();
  const risk = new FakeRiskCheck();
  const rail = new FakeRail();
  const operations = new OperationRepository(db, sql);
  const abandonments = new AbandonmentRepository();
  const cashier = new FakeCashierPrompts(operations);
  const outcomes = new OutcomeRecorder(operations, abandonments);
  const originals = new OriginalRepository(db, operations);
  const batches = new TerminalBatchRepository(db);
  const prompts = new CashierPromptStep(cashier, operations, env);
  const railStep = new RailStep(rail, operations, outcomes, originals, prompts);
  const cardSteps = new CardOperationStep(cards, risk, operations, outcomes, batches, prompts, railStep, env);
  const followUps = new FollowUpStep(cards, operations, outcomes, originals, batches, prompts, railStep);
  const sut = new ExecuteOperationUseCase(operations, cardSteps, followUps, prompts, outcomes);
  return { sut, db, operations, cards, risk, rail, batches, cashier, abandonments };
}
