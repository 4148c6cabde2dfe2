import { Inject, Injectable } from '@nestjs/common';

import type { SqlQueryRunner, SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { jsonOf, optionalBigInt } from '../database/sql-values';
import type { NodeLevel } from '../tree/agent-node';
import type { CommissionPlan, CommissionRule, CommissionTier } from './commission-rule';

interface StoredTier {
  readonly fromAmount: string;
  readonly percentBasisPoints: string;
  readonly fixed: string;
}

function ruleOf(row: SqlRow): CommissionRule {
  const tiers = jsonOf<StoredTier[]>(row.tiers);
  return {
    level: row.level as NodeLevel,
    percentBasisPoints: BigInt(row.percent_basis_points as number),
    fixed: BigInt(row.fixed as string),
    tiers: tiers.map((t): CommissionTier => ({ fromAmount: BigInt(t.fromAmount), percentBasisPoints: BigInt(t.percentBasisPoints), fixed: BigInt(t.fixed) })),
    min: optionalBigInt(row.min),
    max: optionalBigInt(row.max),
  };
}

const RULES_OF = `SELECT "level", "percent_basis_points", "fixed"::text AS "fixed", "tiers", "min"::text AS "min", "max"::text AS "max"
  FROM "commission_plan" WHERE "payee_id" = $1 ORDER BY "level"`;

/** Commission plans per payee and level: the only code that touches commission_plan. */
@Injectable()
export class CommissionPlanRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /** Replaces the payee's plan whole (a level left out earns nothing from then on), in one transaction. */
  async replace(plan: CommissionPlan): Promise<CommissionPlan> {
    return this.db.transaction(async (tx) => {
      await tx.execute(`DELETE FROM "commission_plan" WHERE "payee_id" = $1`, [plan.payeeId]);
      for (const rule of plan.rules) {
        const tiers = rule.tiers.map((t) => ({
          fromAmount: t.fromAmount.toString(),
          percentBasisPoints: t.percentBasisPoints.toString(),
          fixed: t.fixed.toString(),
        }));
        await tx.execute(
          `INSERT INTO "commission_plan" ("payee_id", "level", "percent_basis_points", "fixed", "tiers", "min", "max")
           VALUES ($1, $2, $3, $4::bigint, $5::jsonb, $6::bigint, $7::bigint)`,
          [
            plan.payeeId,
            rule.level,
            Number(rule.percentBasisPoints),
            rule.fixed.toString(),
            JSON.stringify(tiers),
            rule.min?.toString() ?? null,
            rule.max?.toString() ?? null,
          ],
        );
      }
      return { payeeId: plan.payeeId, rules: (await tx.query(RULES_OF, [plan.payeeId])).map(ruleOf) };
    });
  }

  /** The payee's plan; undefined when the payee has none (the platform does not know it). */
  async find(payeeId: string, runner: SqlQueryRunner = this.db): Promise<CommissionPlan | undefined> {
    const rules = (await runner.query(RULES_OF, [payeeId])).map(ruleOf);
    return rules.length > 0 ? { payeeId, rules } : undefined;
  }
}
