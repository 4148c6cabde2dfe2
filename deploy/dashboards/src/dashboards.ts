import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

import { authorizationDashboard } from './authorization.dashboard';
import { hostLinksDashboard } from './host-links.dashboard';
import { kafkaOutboxDashboard } from './kafka-outbox.dashboard';
import { overviewDashboard } from './overview.dashboard';
import { settlementDashboard } from './settlement.dashboard';

/** Every dashboard the chart provisions, by file name (without .json). */
export const DASHBOARDS: Readonly<Record<string, () => DashboardBuilder>> = {
  overview: overviewDashboard,
  authorization: authorizationDashboard,
  'kafka-outbox': kafkaOutboxDashboard,
  'host-links': hostLinksDashboard,
  settlement: settlementDashboard,
};
