import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The console's files: the page, its script and style (apps/gateway/console), and uPlot from node_modules. */
export interface ConsoleAsset {
  /** Where the file is; resolved when first asked for, so a missing package fails that file only. */
  readonly locate: () => string;
  readonly contentType: string;
}

const CONSOLE_DIR = join('apps', 'gateway', 'console');

/** apps/gateway/console above `from` (the source tree, or dist/ next to it, or the image's /app). */
export function locateConsoleDir(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, CONSOLE_DIR);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${CONSOLE_DIR}/index.html not found above ${from}`);
    dir = parent;
  }
}

/** Every file the console serves, by the name in its URL (/console/<name>); nothing else is served. */
export function consoleAssets(dir: string = locateConsoleDir()): ReadonlyMap<string, ConsoleAsset> {
  const uplot = (file: string) => () => join(dirname(require.resolve('uplot/package.json')), 'dist', file);
  return new Map<string, ConsoleAsset>([
    ['index.html', { locate: () => join(dir, 'index.html'), contentType: 'text/html; charset=utf-8' }],
    ['console.js', { locate: () => join(dir, 'console.js'), contentType: 'text/javascript; charset=utf-8' }],
    ['console.css', { locate: () => join(dir, 'console.css'), contentType: 'text/css; charset=utf-8' }],
    ['uplot.js', { locate: uplot('uPlot.iife.min.js'), contentType: 'text/javascript; charset=utf-8' }],
    ['uplot.css', { locate: uplot('uPlot.min.css'), contentType: 'text/css; charset=utf-8' }],
  ]);
}
