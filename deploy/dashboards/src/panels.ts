import * as common from '@grafana/grafana-foundation-sdk/common';
import { DashboardBuilder, DatasourceVariableBuilder, DashboardCursorSync, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/**
 * What every dashboard of the platform shares: a `$datasource` variable (any Prometheus the
 * operator picks), panels that query through it, 24 columns split in halves or quarters.
 * Queries follow Prometheus conventions: rate() over `$__rate_interval`, quantiles from
 * `_bucket` series summed by `le`, and only the bounded labels the services set.
 */
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

/** A PromQL query shown with `legend` (`{{label}}` placeholders). */
export interface Query {
  readonly expr: string;
  readonly legend: string;
}

export const query = (expr: string, legend: string): Query => ({ expr, legend });

export function dashboard(uid: string, title: string, description: string): DashboardBuilder {
  return new DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags(['payments'])
    .editable()
    .timezone('browser')
    .time({ from: 'now-3h', to: 'now' })
    .refresh('30s')
    .tooltip(DashboardCursorSync.Crosshair)
    .withVariable(new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'));
}

export const row = (title: string): RowBuilder => new RowBuilder(title);

function targets(queries: readonly Query[]): DataqueryBuilder[] {
  return queries.map((q, i) =>
    new DataqueryBuilder()
      .datasource(DATASOURCE)
      .refId(String.fromCharCode(65 + i))
      .expr(q.expr)
      .legendFormat(q.legend),
  );
}

/** A time series panel; `width` in grid columns (24 per row). */
export function timeseries(title: string, description: string, unit: string, queries: readonly Query[], width = 12): TimeseriesBuilder {
  return new TimeseriesBuilder()
    .title(title)
    .description(description)
    .datasource(DATASOURCE)
    .unit(unit)
    .min(0)
    .span(width)
    .height(8)
    .fillOpacity(10)
    .legend(
      new common.VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(common.LegendDisplayMode.Table)
        .placement(common.LegendPlacement.Bottom)
        .calcs(['lastNotNull', 'max']),
    )
    .targets(targets(queries));
}

/** A single big number (the last value), for what the duty engineer reads at a glance. */
export function stat(title: string, description: string, unit: string, queries: readonly Query[], width = 6): StatBuilder {
  return new StatBuilder()
    .title(title)
    .description(description)
    .datasource(DATASOURCE)
    .unit(unit)
    .span(width)
    .height(5)
    .graphMode(common.BigValueGraphMode.Area)
    .colorMode(common.BigValueColorMode.Value)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .targets(targets(queries));
}
