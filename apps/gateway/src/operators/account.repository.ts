import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { Account, AccountDirectory, AccountStatus, Realm, Role } from '@payments/identity';

import { GATEWAY_SQL, GatewaySql } from '../database/gateway-db.provider';

interface AccountRow extends Record<string, unknown> {
  readonly id: string;
  readonly realm: Realm;
  readonly username: string;
  readonly display_name: string;
  readonly role: Role;
  readonly status: AccountStatus;
  readonly password_hash: string;
  readonly totp_secret: string;
}

const COLUMNS = `"id"::text AS "id", "realm", "username", "display_name", "role", "status", "password_hash", "totp_secret"`;

const accountOf = (row: AccountRow): Account => ({
  id: row.id,
  realm: row.realm,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  status: row.status,
  passwordHash: row.password_hash,
  totpSecret: row.totp_secret,
});

/** Accounts of every realm in the gateway's schema (unqualified names: the connection's search_path). */
@Injectable()
export class AccountRepository implements AccountDirectory {
  constructor(@Inject(GATEWAY_SQL) private readonly db: GatewaySql) {}

  async findByUsername(realm: Realm, username: string): Promise<Account | null> {
    const rows = await this.db.query<AccountRow>(`SELECT ${COLUMNS} FROM "identity_account" WHERE "realm" = $1 AND "username" = $2`, [realm, username]);
    return rows[0] ? accountOf(rows[0]) : null;
  }

  async findById(realm: Realm, id: string): Promise<Account | null> {
    const rows = await this.db.query<AccountRow>(`SELECT ${COLUMNS} FROM "identity_account" WHERE "realm" = $1 AND "id" = $2::uuid`, [realm, id]);
    return rows[0] ? accountOf(rows[0]) : null;
  }

  async list(realm: Realm): Promise<Account[]> {
    return (await this.db.query<AccountRow>(`SELECT ${COLUMNS} FROM "identity_account" WHERE "realm" = $1 ORDER BY "username"`, [realm])).map(accountOf);
  }

  async countActive(realm: Realm, role: Role): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS "n" FROM "identity_account" WHERE "realm" = $1 AND "role" = $2 AND "status" = 'active'`,
      [realm, role],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The new account, or null when the username is taken in the realm. */
  async create(account: Omit<Account, 'id' | 'status'>): Promise<Account | null> {
    const rows = await this.db.query<AccountRow>(
      `INSERT INTO "identity_account" ("id", "realm", "username", "display_name", "role", "password_hash", "totp_secret")
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7) ON CONFLICT ("realm", "username") DO NOTHING RETURNING ${COLUMNS}`,
      [randomUUID(), account.realm, account.username, account.displayName, account.role, account.passwordHash, account.totpSecret],
    );
    return rows[0] ? accountOf(rows[0]) : null;
  }

  async update(realm: Realm, id: string, change: Partial<Pick<Account, 'role' | 'status' | 'totpSecret'>>): Promise<Account | null> {
    const rows = await this.db.query<AccountRow>(
      `UPDATE "identity_account" SET "role" = COALESCE($3, "role"), "status" = COALESCE($4, "status"), "totp_secret" = COALESCE($5, "totp_secret"),
       "updated_at" = CURRENT_TIMESTAMP WHERE "realm" = $1 AND "id" = $2::uuid RETURNING ${COLUMNS}`,
      [realm, id, change.role ?? null, change.status ?? null, change.totpSecret ?? null],
    );
    return rows[0] ? accountOf(rows[0]) : null;
  }
}
