import { Inject, Injectable } from '@nestjs/common';

import {
  type AuditLine,
  type AuditOutcome,
  type AuditSink,
  chainHash,
  type ChainedAuditLine,
  type ChainVerdict,
  GENESIS_HASH,
  verifyChain,
} from '@payments/identity';

import { GATEWAY_SQL, GatewaySql } from '../database/gateway-db.provider';

interface AuditRow extends Record<string, unknown> {
  readonly seq: string;
  readonly id: string;
  readonly at: Date | string;
  readonly realm: AuditLine['realm'];
  readonly actor_id: string;
  readonly actor_name: string;
  readonly role: string | null;
  readonly action: string;
  readonly resource: string;
  readonly outcome: AuditOutcome;
  readonly service: string;
  readonly ip: string | null;
  readonly user_agent: string | null;
  readonly before: string | null;
  readonly after: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

// ORDER BY names the table's seq: the bare name would be the text column of the select list.
// JSON travels as text (`::jsonb` in, `::text` out), so PostgreSQL and PGlite give it back alike.
const COLUMNS = `"seq"::text AS "seq", "id"::text AS "id", "at", "realm", "actor_id", "actor_name", "role", "action", "resource", "outcome",
  "service", "ip", "user_agent", "before"::text AS "before", "after"::text AS "after", "prev_hash", "hash"`;

const lineOf = (row: AuditRow): ChainedAuditLine => ({
  seq: Number(row.seq),
  id: row.id,
  at: new Date(row.at).toISOString(),
  realm: row.realm,
  actorId: row.actor_id,
  actorName: row.actor_name,
  role: row.role,
  action: row.action,
  resource: row.resource,
  outcome: row.outcome,
  service: row.service,
  ip: row.ip,
  userAgent: row.user_agent,
  before: row.before === null ? null : (JSON.parse(row.before) as unknown),
  after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  prevHash: row.prev_hash,
  hash: row.hash,
});

export interface AuditFilter {
  readonly actorId?: string;
  readonly action?: string;
  readonly outcome?: AuditOutcome;
  readonly from?: string;
  readonly to?: string;
  /** Lines older than this seq (the previous page's cursor). */
  readonly beforeSeq?: number;
  readonly limit: number;
}

const VERIFY_BATCH = 1_000;

/**
 * The audit log: appends under a table lock (so each line's seq and previous hash are the last
 * ones), newest-first pages, and the walk that verifies the chain. Rows are never updated or
 * deleted: the table's triggers refuse it.
 */
@Injectable()
export class AuditLogRepository implements AuditSink {
  constructor(@Inject(GATEWAY_SQL) private readonly db: GatewaySql) {}

  /** Appends the line once: a line whose id is already in the log (delivered again) is left as it is. */
  async record(line: AuditLine): Promise<void> {
    const normalized: AuditLine = { ...line, at: new Date(line.at).toISOString(), before: line.before ?? null, after: line.after ?? null };
    await this.db.transaction(async (tx) => {
      await tx.execute(`LOCK TABLE "audit_log" IN SHARE ROW EXCLUSIVE MODE`);
      if ((await tx.query(`SELECT 1 FROM "audit_log" WHERE "id" = $1::uuid`, [line.id])).length > 0) return;
      const last = (
        await tx.query<{ seq: string; hash: string }>(`SELECT "seq"::text AS "seq", "hash" FROM "audit_log" ORDER BY "audit_log"."seq" DESC LIMIT 1`)
      )[0];
      const prevHash = last?.hash ?? GENESIS_HASH;
      await tx.execute(
        `INSERT INTO "audit_log" ("seq", "id", "at", "realm", "actor_id", "actor_name", "role", "action", "resource", "outcome", "service", "ip",
         "user_agent", "before", "after", "prev_hash", "hash")
         VALUES ($1::bigint, $2::uuid, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16, $17)`,
        [
          String(Number(last?.seq ?? 0) + 1),
          normalized.id,
          normalized.at,
          normalized.realm,
          normalized.actorId,
          normalized.actorName,
          normalized.role,
          normalized.action,
          normalized.resource,
          normalized.outcome,
          normalized.service,
          normalized.ip,
          normalized.userAgent,
          normalized.before === null ? null : JSON.stringify(normalized.before),
          normalized.after === null ? null : JSON.stringify(normalized.after),
          prevHash,
          chainHash(prevHash, normalized),
        ],
      );
    });
  }

  /** Newest first; nextCursor is the seq to pass as beforeSeq for the next page. */
  async page(filter: AuditFilter): Promise<{ items: ChainedAuditLine[]; nextCursor: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorId !== undefined) add(`"actor_id" = ?`, filter.actorId);
    if (filter.action !== undefined) add(`"action" LIKE ?`, `%${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (filter.outcome !== undefined) add(`"outcome" = ?`, filter.outcome);
    if (filter.from !== undefined) add(`"at" >= ?::timestamptz`, filter.from);
    if (filter.to !== undefined) add(`"at" < ?::timestamptz`, filter.to);
    if (filter.beforeSeq !== undefined) add(`"seq" < ?::bigint`, String(filter.beforeSeq));
    params.push(filter.limit + 1);
    const rows = await this.db.query<AuditRow>(
      `SELECT ${COLUMNS} FROM "audit_log" ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY "audit_log"."seq" DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map(lineOf);
    return { items, nextCursor: rows.length > filter.limit ? String(items[items.length - 1].seq) : null };
  }

  /** Walks the whole chain from the first line, a batch at a time. */
  async verify(): Promise<ChainVerdict> {
    let verdict: ChainVerdict = { intact: true, checked: 0, lastHash: GENESIS_HASH };
    let afterSeq = 0;
    for (;;) {
      const rows = await this.db.query<AuditRow>(`SELECT ${COLUMNS} FROM "audit_log" WHERE "seq" > $1::bigint ORDER BY "audit_log"."seq" LIMIT $2`, [
        String(afterSeq),
        VERIFY_BATCH,
      ]);
      if (rows.length === 0 || !verdict.intact) return verdict;
      const lines = rows.map(lineOf);
      if (lines[0].seq !== afterSeq + 1) return { intact: false, checked: verdict.checked, brokenAt: afterSeq + 1, reason: 'the line is missing' };
      verdict = verifyChain(lines, { prevHash: verdict.lastHash, checked: verdict.checked });
      afterSeq = lines[lines.length - 1].seq;
    }
  }
}
