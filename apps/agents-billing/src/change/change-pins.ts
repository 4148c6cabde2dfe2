import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';

/** Wrong PINs in a row that lock the holder, and for how long. */
export const CHANGE_PIN_MAX_WRONG = 5;
export const CHANGE_PIN_LOCK_MINUTES = 30;

/** scrypt's cost (N = 2^14, r 8, p 1: about 16 MB and tens of milliseconds per try) and the hash's length. */
const SCRYPT: ScryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const HASH_BYTES = 32;

const hashOf = (pin: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) => scrypt(pin, salt, HASH_BYTES, SCRYPT, (error, hash) => (error ? reject(error) : resolve(hash))));

/** A PIN checked against the holder's: right (the count of wrong ones reset), wrong (counted), or the holder locked until when. */
export type PinCheck =
  | { readonly kind: 'right' }
  | { readonly kind: 'wrong' }
  | { readonly kind: 'locked'; readonly until: Date }
  /** No PIN was ever set for this change account (nothing to count). */
  | { readonly kind: 'not_set' };

/**
 * The payers' change PINs (table `change_holder_pin`, by change account id): each stored only as
 * a scrypt hash under the holder's own random salt. A wrong PIN adds one to the count and the
 * fifth in a row locks the holder for 30 minutes; a right one resets the count. Counting, locking
 * and resetting are each one `UPDATE … RETURNING` on the row (no read-then-write), so concurrent
 * wrong PINs are all counted. The PIN is never logged, stored or answered.
 */
@Injectable()
export class ChangePins {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /** Sets the holder's PIN unless one is set already (the first keep's); false when it was. */
  async setIfNone(changeAccountId: string, pin: string): Promise<boolean> {
    const salt = randomBytes(16);
    const hash = await hashOf(pin, salt);
    const rows = await this.db.query(
      `INSERT INTO "change_holder_pin" ("change_account_id", "pin_salt", "pin_hash") VALUES ($1::uuid, $2, $3)
        ON CONFLICT ("change_account_id") DO NOTHING RETURNING 1`,
      [changeAccountId, salt.toString('hex'), hash.toString('hex')],
    );
    return rows.length === 1;
  }

  async isSet(changeAccountId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM "change_holder_pin" WHERE "change_account_id" = $1::uuid`, [changeAccountId])).length === 1;
  }

  async check(changeAccountId: string, pin: string): Promise<PinCheck> {
    const [row] = await this.db.query<{ pin_salt: string; pin_hash: string; locked_until: Date | string | null; locked: boolean }>(
      `SELECT "pin_salt", "pin_hash", "locked_until", COALESCE("locked_until" > now(), false) AS "locked"
        FROM "change_holder_pin" WHERE "change_account_id" = $1::uuid`,
      [changeAccountId],
    );
    if (!row) return { kind: 'not_set' };
    if (row.locked) return { kind: 'locked', until: new Date(row.locked_until as Date | string) };
    const right = timingSafeEqual(await hashOf(pin, Buffer.from(row.pin_salt, 'hex')), Buffer.from(row.pin_hash, 'hex'));
    return right ? this.reset(changeAccountId) : this.countWrong(changeAccountId);
  }

  /** The count back to 0, unless a lock was set meanwhile (then the right PIN waits too). */
  private async reset(changeAccountId: string): Promise<PinCheck> {
    const [row] = await this.db.query<{ locked_until: Date | string | null }>(
      `UPDATE "change_holder_pin" SET
          "failed_attempts" = CASE WHEN "locked_until" > now() THEN "failed_attempts" ELSE 0 END,
          "locked_until" = CASE WHEN "locked_until" > now() THEN "locked_until" ELSE NULL END
        WHERE "change_account_id" = $1::uuid RETURNING "locked_until"`,
      [changeAccountId],
    );
    return row?.locked_until ? { kind: 'locked', until: new Date(row.locked_until) } : { kind: 'right' };
  }

  /** One more wrong PIN; the fifth in a row locks the holder (and starts the count again for after the lock). */
  private async countWrong(changeAccountId: string): Promise<PinCheck> {
    const [row] = await this.db.query<{ locked_until: Date | string | null; locked: boolean }>(
      `UPDATE "change_holder_pin" SET
          "failed_attempts" = CASE WHEN "locked_until" > now() THEN "failed_attempts"
            WHEN "failed_attempts" + 1 >= ${CHANGE_PIN_MAX_WRONG} THEN 0 ELSE "failed_attempts" + 1 END,
          "locked_until" = CASE WHEN "locked_until" > now() THEN "locked_until"
            WHEN "failed_attempts" + 1 >= ${CHANGE_PIN_MAX_WRONG} THEN now() + interval '${CHANGE_PIN_LOCK_MINUTES} minutes' ELSE "locked_until" END
        WHERE "change_account_id" = $1::uuid RETURNING "locked_until", COALESCE("locked_until" > now(), false) AS "locked"`,
      [changeAccountId],
    );
    return row?.locked ? { kind: 'locked', until: new Date(row.locked_until as Date | string) } : { kind: 'wrong' };
  }
}
