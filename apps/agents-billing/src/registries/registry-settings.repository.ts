import { Inject, Injectable } from '@nestjs/common';

import type { SqlQueryRunner, SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf, jsonOf } from '../database/sql-values';
import type { RegistrySettings, RegistrySettingsInput } from './registry';

const COLUMNS = `"payee_id", "layout", "folder", "due_after_minute", "from_day"::text AS "from_day", "created_at", "updated_at"`;

function settingsOf(row: SqlRow): RegistrySettings {
  return {
    payeeId: String(row.payee_id),
    layout: jsonOf<object>(row.layout),
    folder: String(row.folder),
    dueAfterMinute: Number(row.due_after_minute),
    fromDay: String(row.from_day),
    createdAt: dateOf(row.created_at),
    updatedAt: dateOf(row.updated_at),
  };
}

/** The payees' registry settings: the only code that touches payee_registry_setting. */
@Injectable()
export class RegistrySettingsRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /** Creates or replaces a payee's settings; a replacement keeps the first day unless one is given. */
  async put(settings: RegistrySettingsInput, today: string): Promise<{ settings: RegistrySettings; created: boolean }> {
    const [row] = await this.db.query(
      `INSERT INTO "payee_registry_setting" AS s ("payee_id", "layout", "folder", "due_after_minute", "from_day")
       VALUES ($1, $2::jsonb, $3, $4, coalesce($5::date, $6::date))
       ON CONFLICT ("payee_id") DO UPDATE SET "layout" = EXCLUDED."layout", "folder" = EXCLUDED."folder",
         "due_after_minute" = EXCLUDED."due_after_minute", "from_day" = coalesce($5::date, s."from_day"), "updated_at" = CURRENT_TIMESTAMP
       RETURNING ${COLUMNS}, (s."xmax"::text = '0') AS "created"`,
      [settings.payeeId, JSON.stringify(settings.layout), settings.folder, settings.dueAfterMinute, settings.fromDay ?? null, today],
    );
    return { settings: settingsOf(row), created: row.created === true };
  }

  async find(payeeId: string, runner: SqlQueryRunner = this.db): Promise<RegistrySettings | undefined> {
    const [row] = await runner.query(`SELECT ${COLUMNS} FROM "payee_registry_setting" WHERE "payee_id" = $1`, [payeeId]);
    return row ? settingsOf(row) : undefined;
  }

  /** The settings row locked for the transaction: one making of a payee's registry at a time. */
  async lock(runner: SqlQueryRunner, payeeId: string): Promise<RegistrySettings | undefined> {
    const [row] = await runner.query(`SELECT ${COLUMNS} FROM "payee_registry_setting" WHERE "payee_id" = $1 FOR UPDATE`, [payeeId]);
    return row ? settingsOf(row) : undefined;
  }

  /** Every payee's settings, by payee id. */
  async all(): Promise<RegistrySettings[]> {
    return (await this.db.query(`SELECT ${COLUMNS} FROM "payee_registry_setting" ORDER BY "payee_id"`)).map(settingsOf);
  }
}
