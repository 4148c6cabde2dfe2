import { Inject, Injectable } from '@nestjs/common';

import { AUTHORIZATION_SQL, AuthorizationSql } from '../database/authorization-db.provider';
import type { KeyScheme } from './pin-pad-key';
import type { PinPadStatus } from './pin-pad.model';

/** A row of the registry as the service reads it. */
export interface PinPadRow {
  readonly serialNumber: string;
  readonly deviceKey: string;
  readonly bdkId: string;
  readonly initialKsn: string;
  readonly keyScheme: KeyScheme;
  readonly terminalId: string;
  readonly shopId: string | null;
  readonly status: PinPadStatus;
  readonly statusReason: string | null;
  readonly lastCounter: number;
  readonly lastUsedAt: Date | null;
  readonly registeredAt: Date;
}

export type PinPadKeyFields = Pick<PinPadRow, 'deviceKey' | 'bdkId' | 'initialKsn' | 'keyScheme' | 'terminalId' | 'shopId'>;

export interface PinPadUse {
  readonly deviceKey: string;
  readonly terminalId: string;
  readonly counter: number;
  readonly transactionId: string;
}

const COLUMNS = `"serial_number", "device_key", "bdk_id", "initial_ksn", "key_scheme", "terminal_id", "shop_id", "status", "status_reason", "last_counter", "last_used_at", "registered_at"`;

/** Takes the counter in one statement: two operations of the same pad cannot both pass with one KSN. */
const ADMIT_SQL = `
UPDATE "pin_pad_device"
   SET "last_counter" = $3, "last_transaction_id" = $4::uuid, "last_used_at" = CURRENT_TIMESTAMP, "updated_at" = CURRENT_TIMESTAMP
 WHERE "device_key" = $1 AND "status" = 'active' AND "terminal_id" = $2
   AND ("last_counter" < $3 OR ("last_counter" = $3 AND "last_transaction_id" = $4::uuid))
RETURNING "serial_number"`;

/** The PIN pad registry table, in plain SQL (the search path names the service's schema). */
@Injectable()
export class PinPadRegistryRepository {
  constructor(@Inject(AUTHORIZATION_SQL) private readonly sql: AuthorizationSql) {}

  /** True when the pad may read this card: registered, active, on this register, and a counter above the last one (or the same transaction again). */
  async admit(use: PinPadUse): Promise<boolean> {
    const rows = await this.sql.query(ADMIT_SQL, [use.deviceKey, use.terminalId, use.counter, use.transactionId]);
    return rows.length === 1;
  }

  async findByDeviceKey(deviceKey: string): Promise<PinPadRow | undefined> {
    return this.one(`SELECT ${COLUMNS} FROM "pin_pad_device" WHERE "device_key" = $1`, [deviceKey]);
  }

  async findBySerial(serialNumber: string): Promise<PinPadRow | undefined> {
    return this.one(`SELECT ${COLUMNS} FROM "pin_pad_device" WHERE "serial_number" = $1`, [serialNumber]);
  }

  async list(filter: { terminalId?: string; status?: PinPadStatus }, limit: number): Promise<PinPadRow[]> {
    const rows = await this.sql.query(
      `SELECT ${COLUMNS} FROM "pin_pad_device" WHERE ($1::text IS NULL OR "terminal_id" = $1) AND ($2::text IS NULL OR "status" = $2) ORDER BY "serial_number" LIMIT $3`,
      [filter.terminalId ?? null, filter.status ?? null, limit],
    );
    return rows.map(rowOf);
  }

  /** A new pad; undefined when the serial number or the key is taken (the caller says which). */
  async create(serialNumber: string, fields: PinPadKeyFields): Promise<PinPadRow | undefined> {
    return this.one(
      `INSERT INTO "pin_pad_device" ("serial_number", "device_key", "bdk_id", "initial_ksn", "key_scheme", "terminal_id", "shop_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [serialNumber, fields.deviceKey, fields.bdkId, fields.initialKsn, fields.keyScheme, fields.terminalId, fields.shopId],
    );
  }

  /** Another register or shop; a new key starts the counter over. */
  async rekey(serialNumber: string, fields: PinPadKeyFields): Promise<PinPadRow | undefined> {
    return this.one(
      `UPDATE "pin_pad_device" SET "device_key" = $2, "bdk_id" = $3, "initial_ksn" = $4, "key_scheme" = $5, "terminal_id" = $6, "shop_id" = $7,
              "last_counter" = CASE WHEN "device_key" = $2 THEN "last_counter" ELSE 0 END,
              "last_transaction_id" = CASE WHEN "device_key" = $2 THEN "last_transaction_id" ELSE NULL END,
              "updated_at" = CURRENT_TIMESTAMP
        WHERE "serial_number" = $1 RETURNING ${COLUMNS}`,
      [serialNumber, fields.deviceKey, fields.bdkId, fields.initialKsn, fields.keyScheme, fields.terminalId, fields.shopId],
    );
  }

  async setStatus(serialNumber: string, status: PinPadStatus, reason: string | null): Promise<PinPadRow | undefined> {
    return this.one(
      `UPDATE "pin_pad_device" SET "status" = $2, "status_reason" = $3, "updated_at" = CURRENT_TIMESTAMP WHERE "serial_number" = $1 RETURNING ${COLUMNS}`,
      [serialNumber, status, reason],
    );
  }

  private async one(sql: string, params: unknown[]): Promise<PinPadRow | undefined> {
    const [row] = await this.sql.query(sql, params);
    return row && rowOf(row);
  }
}

function rowOf(row: Record<string, unknown>): PinPadRow {
  return {
    serialNumber: String(row.serial_number),
    deviceKey: String(row.device_key),
    bdkId: String(row.bdk_id),
    initialKsn: String(row.initial_ksn),
    keyScheme: row.key_scheme as KeyScheme,
    terminalId: String(row.terminal_id),
    shopId: (row.shop_id as string | null) ?? null,
    status: row.status as PinPadStatus,
    statusReason: (row.status_reason as string | null) ?? null,
    lastCounter: Number(row.last_counter),
    lastUsedAt: row.last_used_at === null || row.last_used_at === undefined ? null : new Date(row.last_used_at as string),
    registeredAt: new Date(row.registered_at as string),
  };
}
