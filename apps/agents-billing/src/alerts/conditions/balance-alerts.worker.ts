import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

import type { AlertCondition, AlertKind } from '../alert';
import { AlertSignals } from '../alert-signals';
import { ALERT_PASS_MS, DEFAULT_ALERT_PASS_MS } from '../config/alert-passes';
import { applicableRule } from '../rules/alert-rule';
import { AlertRuleRepository } from '../rules/alert-rule.repository';
import { limitNearlyUsedOf, lowBalanceOf } from './balance-conditions';
import type { NodeFigures } from './node-figures';
import { NodeFiguresRepository } from './node-figures.repository';

const PAGE = 500;
const KINDS = ['low-balance', 'limit-nearly-used'] as const satisfies readonly AlertKind[];
const DETECT: Record<(typeof KINDS)[number], typeof lowBalanceOf> = { 'low-balance': lowBalanceOf, 'limit-nearly-used': limitNearlyUsedOf };

const sameFacts = (a: AlertCondition['facts'], b: AlertCondition['facts']): boolean =>
  JSON.stringify(a, Object.keys(a ?? {}).sort()) === JSON.stringify(b, Object.keys(b ?? {}).sort());

/**
 * The conditions the service watches itself: every pass (30 s by default), page by page, one query reads the nodes
 * with their ledger accounts and the day's payments; each node is held against the rule that applies
 * to it, and low-balance / limit-nearly-used are raised while past the threshold and cleared when
 * back. Only changes are written: a condition already open with the same figures is left as it is.
 */
@Injectable()
export class BalanceAlertsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BalanceAlertsWorker.name);
  private readonly passes: PassScheduler;

  constructor(
    private readonly figures: NodeFiguresRepository,
    private readonly rules: AlertRuleRepository,
    private readonly alerts: AlertSignals,
    @Optional() @Inject(ALERT_PASS_MS) passMs: number = DEFAULT_ALERT_PASS_MS,
  ) {
    this.passes = new PassScheduler(async () => void (await this.runOnce()), { minGapMs: passMs, maxGapMs: passMs });
  }

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** One pass over every node; returns how many alerts it raised (or refreshed) and cleared. */
  async runOnce(now = new Date()): Promise<{ raised: number; cleared: number }> {
    const counts = { raised: 0, cleared: 0 };
    try {
      const rules = await this.rules.all();
      const day = now.toISOString().slice(0, 10);
      for (let after: string | null = null; ;) {
        const page = await this.figures.page(day, after, PAGE);
        await this.judge(page, rules, counts, now);
        if (page.length < PAGE) break;
        after = page[page.length - 1].nodeId;
      }
    } catch (error) {
      this.logger.error(`balance alerts pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return counts;
  }

  private async judge(page: NodeFigures[], rules: Awaited<ReturnType<AlertRuleRepository['all']>>, counts: { raised: number; cleared: number }, now: Date) {
    const open = new Map(
      (
        await this.alerts.openAbout(
          KINDS,
          page.map((n) => n.nodeId),
        )
      ).map((a) => [`${a.kind} ${a.subjectId}`, a]),
    );
    for (const node of page) {
      for (const kind of KINDS) {
        const condition = DETECT[kind](node, applicableRule(kind, node.path, rules, []));
        const alert = open.get(`${kind} ${node.nodeId}`);
        if (condition && !(alert && sameFacts(alert.facts, condition.facts))) {
          await this.alerts.raise(condition, now);
          counts.raised++;
        } else if (!condition && alert) {
          await this.alerts.clear(kind, node.nodeId, now);
          counts.cleared++;
        }
      }
    }
  }
}
