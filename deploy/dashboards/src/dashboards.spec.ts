import { DASHBOARDS } from './dashboards';

interface PanelJson {
  type: string;
  title?: string;
  datasource?: { type?: string; uid?: string };
  targets?: { expr?: string; datasource?: { uid?: string } }[];
  gridPos?: { w: number };
}

const built = Object.entries(DASHBOARDS).map(([file, build]) => ({ file, json: build().build() }));
const panels = built.flatMap(({ json }) =>
  ((json.panels ?? []) as PanelJson[]).filter((p) => p.type !== 'row').map((panel) => ({ dashboard: json.title, panel })),
);
const targets = panels.flatMap(({ dashboard, panel }) => (panel.targets ?? []).map((target) => ({ where: `${dashboard} / ${panel.title}`, ...target })));

// What the chart provisions, checked without a Prometheus (test/e2e/dashboards.e2e-spec.ts runs the queries).
describe('dashboards', () => {
  it('are the five of the issue, each with its own uid and a Prometheus $datasource variable', () => {
    expect(built.map(({ json }) => json.title)).toEqual([
      'Payments / Overview',
      'Payments / Authorization',
      'Payments / Kafka and outbox',
      'Payments / Host links',
      'Payments / Settlement',
    ]);
    expect(new Set(built.map(({ json }) => json.uid)).size).toBe(built.length);
    for (const { json } of built) {
      expect(json.templating?.list).toEqual([expect.objectContaining({ type: 'datasource', name: 'datasource', query: 'prometheus' })]);
    }
  });

  it('query through $datasource in every panel and target, with at least one query per panel', () => {
    for (const { panel } of panels) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets?.length).toBeGreaterThan(0);
    }
    for (const target of targets) expect(target.datasource?.uid).toBe('${datasource}');
  });

  it('take rates over $__rate_interval and quantiles from _bucket series summed by le', () => {
    const offenders = targets.filter(({ expr = '' }) => {
      const windows = [...expr.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
      const quantiles = [...expr.matchAll(/histogram_quantile\(([^,]+), sum by \(([^)]*)\) \(rate\((\w+)/g)];
      const quantileCount = (expr.match(/histogram_quantile\(/g) ?? []).length;
      return (
        windows.some((w) => w !== '$__rate_interval') ||
        quantiles.length !== quantileCount ||
        quantiles.some(([, , by, metric]) => !by.split(', ').includes('le') || !metric.endsWith('_bucket'))
      );
    });
    expect(offenders).toEqual([]);
  });

  it('group and filter by bounded labels only: no terminal, merchant, card, transaction or other id', () => {
    const unbounded = /\b(terminal\w*|merchant\w*|pan|card\w*|transaction\w*|rrn|stan|\w*_id|id)\b\s*(=|!=|=~|!~|,|\))/;
    expect(targets.filter(({ expr = '' }) => unbounded.test(expr.replace(/"[^"]*"/g, '""'))).map((t) => t.where)).toEqual([]);
  });

  it('fit the 24 columns of a row', () => {
    for (const { panel } of panels) expect(panel.gridPos?.w).toBeLessThanOrEqual(24);
  });
});
