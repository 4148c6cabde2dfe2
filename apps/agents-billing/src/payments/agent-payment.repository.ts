import { Inject, Injectable } from '@nestjs/common';

import type { SqlQueryRunner, SqlRow } from '@payments/persistence';

import { CommissionPlanRepository } from '../commissions/commission-plan.repository';
import type { CommissionPlan } from '../commissions/commission-rule';
import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf, jsonOf } from '../database/sql-values';
import { addPaymentReturnedEvent, type PaymentReturnedEvent } from '../events/payment-returned.outbox';
import { addTransferPostedEvents, type PostedTransferEvent } from '../events/transfer-posted.outbox';
import type { AgentNode } from '../tree/agent-node';
import type { Payee } from '../payees/payee';
import { PayeeRepository } from '../payees/payee.repository';
import { storedPayerAccount } from '../payees/payer-account';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import type { AgentPayment } from './agent-payment';
import type { ChainTransfer } from './payment-chain';

export interface PaymentRequest {
  readonly id: string;
  readonly nodeId: string;
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly account: string;
  readonly requestHash: string;
  readonly businessDay: string;
}

/** What the rules see, read under the paying node's row lock. */
export interface ReservationContext {
  /** The paying node first, its dealer last. */
  readonly ancestry: readonly AgentNode[];
  /** The payee as the catalogue holds it; undefined when it does not. */
  readonly payee: Payee | undefined;
  readonly plan: CommissionPlan | undefined;
  /** What the node's payments of the day already reserved or posted. */
  readonly spentToday: bigint;
}

/** `viaGateway`: the chain is held and the payment forwarded to the payee's gateway. */
export type ReservationDecision<R> = { readonly transfers: readonly ChainTransfer[]; readonly viaGateway?: boolean } | { readonly refused: R };

export type ReservationResult<R> =
  | { readonly kind: 'reserved'; readonly payment: AgentPayment }
  | { readonly kind: 'existing'; readonly payment: AgentPayment; readonly sameBody: boolean }
  | { readonly kind: 'node_not_found' }
  | { readonly kind: 'refused'; readonly refusal: R };

const COLUMNS = `"id"::text AS "id", "node_id"::text AS "node_id", "payee_id", "amount"::text AS "amount", "currency", "account", "request_hash",
  "business_day"::text AS "business_day", "status", "transfers", "created_at", "posted_at", "via_gateway", "refusal_reason", "refused_at",
  "gateway_attempts", "gateway_unknown_cause", "gateway_base_url", "gateway_public_key", "gateway_deadline_ms"`;

interface StoredTransfer extends Omit<ChainTransfer, 'amount'> {
  readonly amount: string;
}

function paymentOf(row: SqlRow): AgentPayment & { requestHash: string } {
  const transfers = jsonOf<StoredTransfer[]>(row.transfers);
  return {
    id: String(row.id),
    nodeId: String(row.node_id),
    payeeId: String(row.payee_id),
    amount: BigInt(row.amount as string),
    currency: String(row.currency),
    account: typeof row.account === 'string' ? row.account : null,
    requestHash: String(row.request_hash),
    businessDay: String(row.business_day),
    status: row.status as AgentPayment['status'],
    transfers: transfers.map((t) => ({ ...t, amount: BigInt(t.amount) })),
    createdAt: dateOf(row.created_at),
    postedAt: row.posted_at === null ? null : dateOf(row.posted_at),
    viaGateway: row.via_gateway === true,
    refusalReason: typeof row.refusal_reason === 'string' ? row.refusal_reason : null,
    refusedAt: row.refused_at === null ? null : dateOf(row.refused_at),
    gatewayAttempts: Number(row.gateway_attempts),
    gatewayUnknownCause: typeof row.gateway_unknown_cause === 'string' ? row.gateway_unknown_cause : null,
    gateway:
      typeof row.gateway_base_url === 'string'
        ? { baseUrl: row.gateway_base_url, publicKey: String(row.gateway_public_key), deadlineMs: Number(row.gateway_deadline_ms) }
        : null,
  };
}

/**
 * The agents' payments. A payment is reserved in one transaction that holds the paying node's row
 * lock: the node's payments are decided one at a time, so the daily limit's read of the day's sum
 * and the reservation that adds to it cannot interleave with another payment of the node.
 */
@Injectable()
export class AgentPaymentRepository {
  constructor(
    @Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb,
    private readonly nodes: AgentNodeRepository,
    private readonly plans: CommissionPlanRepository,
    private readonly payees: PayeeRepository,
  ) {}

  reserve<R>(request: PaymentRequest, decide: (context: ReservationContext) => ReservationDecision<R>): Promise<ReservationResult<R>> {
    return this.db.transaction(async (tx): Promise<ReservationResult<R>> => {
      if (!(await this.nodes.lock(tx, request.nodeId))) return { kind: 'node_not_found' };
      const [row] = await tx.query(`SELECT ${COLUMNS} FROM "agent_payment" WHERE "id" = $1::uuid`, [request.id]);
      if (row) {
        const payment = paymentOf(row);
        return { kind: 'existing', payment, sameBody: payment.requestHash === request.requestHash };
      }
      const context = {
        ancestry: await this.nodes.ancestry(request.nodeId, tx),
        payee: await this.payees.find(request.payeeId, tx),
        plan: await this.plans.find(request.payeeId, tx),
        spentToday: await this.spentOn(request.nodeId, request.businessDay, tx),
      };
      const decision = decide(context);
      if ('refused' in decision) return { kind: 'refused', refusal: decision.refused };
      const transfers = decision.transfers.map((t) => ({ ...t, amount: t.amount.toString() }));
      // The payee's gateway as it is now: the payment's sends and status queries stay with it.
      const gateway = decision.viaGateway === true ? (context.payee?.gateway ?? null) : null;
      const [inserted] = await tx.query(
        `INSERT INTO "agent_payment" ("id", "node_id", "payee_id", "amount", "currency", "account", "request_hash", "business_day", "status", "transfers", "via_gateway",
           "gateway_base_url", "gateway_public_key", "gateway_deadline_ms")
         VALUES ($1::uuid, $2::uuid, $3, $4::bigint, $5, $6, $7, $8::date, 'reserved', $9::jsonb, $10, $11, $12, $13::integer) RETURNING ${COLUMNS}`,
        [
          request.id,
          request.nodeId,
          request.payeeId,
          request.amount.toString(),
          request.currency,
          storedPayerAccount(request.account),
          request.requestHash,
          request.businessDay,
          JSON.stringify(transfers),
          decision.viaGateway === true,
          gateway?.baseUrl ?? null,
          gateway?.publicKey ?? null,
          gateway?.deadlineMs ?? null,
        ],
      );
      return { kind: 'reserved', payment: paymentOf(inserted) };
    });
  }

  /**
   * Marks the payment posted and writes its chain's events in the same transaction (once: a second
   * call finds it posted). posted_at is the database's clock at this UPDATE, not a moment the caller
   * took before a gateway call: a registry made after its day's end plus the grace holds it.
   */
  markPosted(id: string, events: (payment: AgentPayment) => PostedTransferEvent[]): Promise<AgentPayment> {
    return this.end(id, `"status" = 'posted', "posted_at" = clock_timestamp()`, [], (tx, p) => addTransferPostedEvents(tx, events(p)));
  }

  /** Marks the payment refused by its payee and writes its returned event in the same transaction (once: a second call finds it refused). */
  markRefused(id: string, reason: string, refusedAt: Date, event: (payment: AgentPayment) => PaymentReturnedEvent): Promise<AgentPayment> {
    return this.end(id, `"status" = 'refused', "refusal_reason" = $2, "refused_at" = $3::timestamptz`, [reason, refusedAt.toISOString()], (tx, p) =>
      addPaymentReturnedEvent(tx, event(p)),
    );
  }

  /** Ends a payment still reserved or pending, with its events in the same transaction; one already ended is returned as it is. */
  private end(id: string, set: string, params: unknown[], events: (tx: SqlQueryRunner, payment: AgentPayment) => Promise<void>): Promise<AgentPayment> {
    return this.db.transaction(async (tx) => {
      const [updated] = await tx.query(`UPDATE "agent_payment" SET ${set} WHERE "id" = $1::uuid AND "status" IN ('reserved', 'pending') RETURNING ${COLUMNS}`, [
        id,
        ...params,
      ]);
      if (updated) {
        const payment = paymentOf(updated);
        await events(tx, payment);
        return payment;
      }
      return paymentOf((await tx.query(`SELECT ${COLUMNS} FROM "agent_payment" WHERE "id" = $1::uuid`, [id]))[0]);
    });
  }

  /** The payee's answer is not known (its chain is held): pending, asked again at `nextCheckAt`; a payment already ended stays as it is. */
  async markUnknown(id: string, cause: string, nextCheckAt: Date): Promise<AgentPayment> {
    const [updated] = await this.db.query(
      `UPDATE "agent_payment" SET "status" = 'pending', "gateway_attempts" = "gateway_attempts" + 1, "gateway_unknown_cause" = $2,
         "next_gateway_check_at" = $3::timestamptz WHERE "id" = $1::uuid AND "status" IN ('reserved', 'pending') RETURNING ${COLUMNS}`,
      [id, cause, nextCheckAt.toISOString()],
    );
    return updated ? paymentOf(updated) : ((await this.find(id)) as AgentPayment);
  }

  async find(id: string): Promise<AgentPayment | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM "agent_payment" WHERE "id" = $1::uuid`, [id]);
    return row ? paymentOf(row) : undefined;
  }

  /** When the next pending payment is due for its status query; undefined when none is pending. */
  async nextGatewayCheckAt(): Promise<Date | undefined> {
    const [row] = await this.db.query(`SELECT min("next_gateway_check_at") AS "next" FROM "agent_payment" WHERE "status" = 'pending'`);
    return row?.next ? dateOf(row.next) : undefined;
  }

  /** Pending payments (the payee's answer unknown) due for a status query at `now`, the longest waiting first. */
  async duePending(now: Date, limit: number): Promise<AgentPayment[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM "agent_payment" WHERE "status" = 'pending' AND "next_gateway_check_at" <= $1::timestamptz
       ORDER BY "next_gateway_check_at" LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map(paymentOf);
  }

  /** Reservations made before `before` and never marked posted (their process stopped between reserving and posting), oldest first. */
  async staleReservations(before: Date, limit: number): Promise<AgentPayment[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM "agent_payment" WHERE "status" = 'reserved' AND "created_at" < $1::timestamptz ORDER BY "created_at" LIMIT $2`,
      [before.toISOString(), limit],
    );
    return rows.map(paymentOf);
  }

  /** What the node's payments of the UTC day `businessDay` reserved, hold or posted (not those the payee refused): what its daily limit counts. */
  async spentOn(nodeId: string, businessDay: string, runner: SqlQueryRunner = this.db): Promise<bigint> {
    const [spent] = await runner.query<{ sum: string }>(
      `SELECT coalesce(sum("amount"), 0)::text AS "sum" FROM "agent_payment" WHERE "node_id" = $1::uuid AND "business_day" = $2::date
         AND "status" <> 'refused'`,
      [nodeId, businessDay],
    );
    return BigInt(spent?.sum ?? '0');
  }

  /** Drops a reservation whose chain the ledger refused: the day's sum no longer counts it, and the same id may be sent again. */
  async release(id: string): Promise<void> {
    await this.db.execute(`DELETE FROM "agent_payment" WHERE "id" = $1::uuid AND "status" = 'reserved'`, [id]);
  }
}
