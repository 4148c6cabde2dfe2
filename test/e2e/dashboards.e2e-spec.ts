import { ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '@payments/testing';

import { PlatformUnderTest, startDistributed } from '../support/platform-under-test';
import { call, eventually, operatorCall, RegisterClient } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

/**
 * Every panel of every dashboard the chart provisions shows data on a real Prometheus (Debian's
 * package, which scripts/infra/up.sh installs) scraping the seven services of the distributed mode
 * while the flows the panels are about run: an approval, a decline 51, a host that never answers
 * (an unknown outcome, reversed), settlement counting the approvals and an operator reading the
 * totals. The dashboards are the JSON `npm run dashboards` writes; the chart's rule files are
 * loaded too, since the dashboards read the approval ratio's recording rule.
 */

interface Target {
  readonly dashboard: string;
  readonly panel: string;
  readonly expr: string;
}

interface Series {
  metric: Record<string, string>;
  value: [number, string];
}

const PAN = '4242424242424242';
// Grafana's variables as a 1 s scrape makes them (rate windows of at least 4 scrapes).
const VARIABLES: Record<string, string> = { __rate_interval: '1m', __interval: '1s', __range: '5m' };

/** The prometheus binary on PATH (Debian's package: /usr/bin/prometheus). */
function prometheusBinary(): string {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin']) {
    try {
      accessSync(join(dir, 'prometheus'), constants.X_OK);
      return join(dir, 'prometheus');
    } catch {
      // not in this folder
    }
  }
  throw new Error("prometheus is not installed: run `bash scripts/infra/up.sh all` (it installs Debian's prometheus package)");
}

/** Substitutes the dashboard variables of a query, and refuses one it does not know. */
function substitute(expr: string): string {
  const out = expr.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => VARIABLES[name] ?? whole);
  if (out.includes('$')) throw new Error(`unknown variable in ${expr}`);
  return out;
}

/** Every panel target of the dashboards in `dir`, as the generated JSON has them. */
function panelTargets(dir: string): Target[] {
  const targets: Target[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      title: string;
      panels: { type: string; title: string; targets?: { expr: string }[] }[];
    };
    for (const panel of json.panels.filter((p) => p.type !== 'row')) {
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) targets.push({ dashboard: json.title, panel: panel.title, expr: substitute(target.expr) });
    }
  }
  return targets;
}

describe('dashboards on a real Prometheus (distributed mode)', () => {
  const work = mkdtempSync(join(tmpdir(), 'payments-dashboards-'));
  let platform: PlatformUnderTest;
  let register: RegisterClient;
  let prometheus: ChildProcess | undefined;
  let prometheusUrl: string;
  let targets: Target[];

  const promQuery = async (expr: string): Promise<Series[]> => {
    const result = await call<{ status: string; data?: { result: Series[] }; error?: string }>(
      `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`,
    );
    if (result.body.status !== 'success') throw new Error(`${expr}: ${result.body.error ?? result.text}`);
    return result.body.data!.result;
  };

  beforeAll(async () => {
    const dashboards = join(work, 'dashboards');
    // The same generator the chart's files come from, written here so the chart folder is left alone.
    await promisify(execFile)('npm', ['run', '--silent', 'dashboards', '--', dashboards], { cwd: repoRoot() });
    targets = panelTargets(dashboards);

    platform = await startDistributed();
    register = new RegisterClient(platform.gatewayUrl);

    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    const hosts = platform.metricsUrls.map((url) => new URL(url).host);
    writeFileSync(
      join(work, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s }',
        `rule_files: [${JSON.stringify(join(repoRoot(), 'deploy/helm/payments/alerts/*.rules.yaml'))}]`,
        'scrape_configs:',
        '  - job_name: payments',
        // The processes' own `service` label, as the chart's ServiceMonitors keep it.
        '    honor_labels: true',
        '    metrics_path: /metrics',
        `    static_configs: [{ targets: ${JSON.stringify(hosts)} }]`,
        '',
      ].join('\n'),
    );
    prometheus = spawn(
      prometheusBinary(),
      [
        `--config.file=${join(work, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(work, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    prometheus.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Every service scraped at least once before the flows: a counter's first increment then shows as one.
    const up = await eventually(
      () => promQuery('up == 1').catch(() => [] as Series[]),
      (series) => series.length === hosts.length,
      20_000,
    );
    if (up.length !== hosts.length) throw new Error(`Prometheus scrapes ${up.length} of ${hosts.length} services\n${stderr}`);

    // The database outlives the run: the totals are compared with what they were before.
    const totals = `${platform.settlementUrl}/v1/settlement/terminal-totals?businessDay=${new Date().toISOString().slice(0, 10)}&terminalId=DEMO0001`;
    const eurCount = (rows: { currency: string; count: number }[]) => rows.find((row) => row.currency === 'EUR')?.count ?? 0;
    const before = eurCount((await operatorCall<{ currency: string; count: number }[]>(totals)).body);

    // An outcome's series appears at 1, which Prometheus cannot tell from no increase: each outcome
    // the ratio is made of runs a second time once Prometheus has scraped the first.
    const scraped = (status: string) =>
      eventually(
        () => promQuery(`authorization_operations_total{status="${status}"}`),
        (series) => series.length > 0,
      );
    platform.simulator.reset();
    const purchase = (amount: number) => register.purchase({ amount, currency: 'EUR', card: register.card(PAN) });
    expect((await purchase(1250)).body.status).toBe('approved');
    await scraped('approved');
    platform.simulator.setDefault({ kind: 'decline', responseCode: '51' });
    expect((await purchase(1251)).body).toMatchObject({ status: 'declined', responseCode: '51' });
    await scraped('declined');
    expect((await purchase(1253)).body).toMatchObject({ status: 'declined', responseCode: '51' });
    platform.simulator.reset();
    platform.simulator.addRule((m) => (m.mti === '0200' ? { kind: 'silent' } : undefined));
    const unknown = await purchase(1291);
    expect(unknown.body).toMatchObject({ status: 'failed', responseCode: '91' });
    const journal = `${platform.authorizationUrl}/v1/journal/transactions/${unknown.body.transactionId as string}`;
    const reversed = await eventually(
      () => operatorCall(journal),
      (j) => j.body.status === 'reversed',
    );
    expect(reversed.body.status).toBe('reversed');
    platform.simulator.reset();
    expect((await purchase(1252)).body.status).toBe('approved');
    const counted = await eventually(
      () => operatorCall<{ currency: string; count: number }[]>(totals),
      (r) => r.status === 200 && eurCount(r.body) === before + 2,
    );
    expect(eurCount(counted.body)).toBe(before + 2);
  }, 120_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      await new Promise<void>((resolve) => {
        prometheus!.once('exit', () => resolve());
        prometheus!.kill('SIGTERM');
      });
    }
    await platform?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('answers every panel query of every dashboard with at least one series holding a number', async () => {
    expect(new Set(targets.map((t) => t.dashboard)).size).toBe(5);
    // A series of NaN (a quantile or a ratio over nothing) draws nothing either: at least one value
    // must be a number. Scrapes and rule evaluations run every second: poll until then or time is up.
    const plotted = (series: Series[]) => series.some((s) => Number.isFinite(Number(s.value[1])));
    const deadline = Date.now() + 20_000;
    const empty: string[] = [];
    for (const target of targets) {
      const series = await eventually(() => promQuery(target.expr), plotted, Math.max(0, deadline - Date.now()));
      if (!plotted(series)) empty.push(`${target.dashboard} / ${target.panel}: ${target.expr} -> ${JSON.stringify(series)}`);
    }
    expect(empty).toEqual([]);
  }, 60_000);

  it('shows the flows that ran: approvals (counted by settlement too), the declines 51, the host timeout, and an approval ratio between them', async () => {
    const codes = await promQuery('sum by (response_code) (authorization_operations_total)');
    expect(codes.map((s) => s.metric.response_code)).toEqual(expect.arrayContaining(['00', '51', '91']));
    const outcomes = await promQuery('sum by (outcome) (host_link_round_trip_seconds_count)');
    expect(outcomes.map((s) => s.metric.outcome)).toEqual(expect.arrayContaining(['answered', 'timeout']));
    const [approved] = await promQuery('sum(increase(authorization_operations_total{status="approved"}[5m]))');
    expect(Number(approved.value[1])).toBeGreaterThan(0);
    const [settled] = await promQuery('sum(increase(settlement_totals_operations_total{effect="added"}[5m]))');
    expect(Number(settled.value[1])).toBeGreaterThan(0);
    // One approval and one decline seen as increases: about one half, neither 0 nor 1.
    const [ratio] = await promQuery('min(acquirer:authorization_approval_ratio:rate15m)');
    expect(Number(ratio.value[1])).toBeGreaterThan(0.2);
    expect(Number(ratio.value[1])).toBeLessThan(0.8);
  });
});
