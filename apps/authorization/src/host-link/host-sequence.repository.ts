import type { AuthorizationDb } from '../database/authorization-db.provider';
import type { HostSequenceCounter, HostSequenceStore, ReservedBlock } from './host-sequence.store';
import { MAX_STAN } from './stan-rrn';

const COLUMN: Record<HostSequenceCounter, string> = { stan: 'last_stan', rrn: 'last_rrn_sequence' };

/**
 * STAN and RRN sequences per acquirer in `authorization.host_sequence`. One statement per block:
 * the upsert locks the row, so processes sharing an acquirer never get overlapping blocks. The
 * wrap rule is nextBlock's (host-sequence.store.ts), in SQL. The table is left unqualified: the
 * connection's search_path is the service's schema ("authorization"), in PostgreSQL and PGlite.
 */
export class HostSequenceRepository implements HostSequenceStore {
  constructor(private readonly db: AuthorizationDb) {}

  async reserve(acquirerId: string, counter: HostSequenceCounter, size: number): Promise<ReservedBlock> {
    if (!Number.isInteger(size) || size < 1 || size > MAX_STAN) throw new RangeError('block size must be 1..999999');
    const column = COLUMN[counter];
    const rows = await this.db.$queryRawUnsafe<{ last: number }[]>(
      `INSERT INTO "host_sequence" ("acquirer_id", "${column}") VALUES ($1, $2)
       ON CONFLICT ("acquirer_id") DO UPDATE SET
         "${column}" = CASE WHEN "host_sequence"."${column}" + $2 > ${MAX_STAN} THEN $2 ELSE "host_sequence"."${column}" + $2 END,
         "updated_at" = now()
       RETURNING "${column}" AS "last"`,
      acquirerId,
      size,
    );
    const last = Number(rows[0]?.last);
    return { first: last - size + 1, last };
  }
}
