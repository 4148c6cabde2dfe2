import { Injectable, Logger, OnModuleInit } from '@nestjs/common';

import { getOrCreateCollectedGauge } from '@payments/observability';

import { ReconciliationBreakRepository } from './reconciliation-break.repository';

export const OPEN_BREAKS_METRIC = 'settlement_reconciliation_breaks_open';

/**
 * The open reconciliation breaks per acquirer and kind, counted in the database at each scrape, so
 * every replica reports the same figure and a resolution shows at the next scrape. The alert
 * `SettlementReconciliationBreaksOpen` (deploy/helm/payments/alerts) fires on it.
 */
@Injectable()
export class ReconciliationBreaksMetrics implements OnModuleInit {
  private readonly logger = new Logger(ReconciliationBreaksMetrics.name);

  constructor(private readonly breaks: ReconciliationBreakRepository) {}

  onModuleInit(): void {
    getOrCreateCollectedGauge(
      OPEN_BREAKS_METRIC,
      "Reconciliation breaks between the acquirer's settlement report and the settlement lines that no operator has resolved yet.",
      ['acquirer', 'kind'],
      async (gauge) => {
        gauge.reset();
        try {
          for (const { acquirerId, kind, count } of await this.breaks.openCounts()) gauge.set({ acquirer: acquirerId, kind }, count);
        } catch (error) {
          // No figure rather than a stale one; the scrape itself still succeeds.
          this.logger.warn(`open reconciliation breaks not counted: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    );
  }
}
