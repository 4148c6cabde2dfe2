import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { DASHBOARDS } from './dashboards';

/**
 * `npm run dashboards`: writes every dashboard as Grafana JSON into the chart's dashboards/ folder
 * (or the folder given as the first argument), replacing what an earlier run left there. The
 * files are generated: gitignored, never committed; the chart refuses to render without them
 * when dashboards.enabled is on.
 */
function main(): void {
  const root = resolve(__dirname, '../..');
  const dir = resolve(process.argv[2] ?? join(root, 'deploy/helm/payments/dashboards'));
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.endsWith('.json')) rmSync(join(dir, file));
  for (const [name, build] of Object.entries(DASHBOARDS)) {
    const json = build().build();
    // Stable panel ids (the SDK leaves them to Grafana): links to a panel survive a regeneration.
    (json.panels ?? []).forEach((panel, i) => (panel.id = i + 1));
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
    const panels = (json.panels ?? []).filter((panel) => panel.type !== 'row').length;
    console.log(`dashboards: ${relative(process.cwd(), join(dir, `${name}.json`))} (${panels} panels)`);
  }
}

main();
