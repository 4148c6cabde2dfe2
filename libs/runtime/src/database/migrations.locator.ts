import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds `apps/<app>/prisma/migrations` from wherever the code runs (sources under jest, `dist/`
 * after a build, `/app` in the container image) by walking up to the repository root.
 */
export function locateMigrations(app: string, from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'apps', app, 'prisma', 'migrations');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`migrations of ${app} not found above ${from}: expected apps/${app}/prisma/migrations`);
    dir = parent;
  }
}

/** Each service owns one PostgreSQL schema, named after it (`agents-billing` -> `agents_billing`). */
export function schemaOf(app: string): string {
  return app.replace(/-/g, '_');
}
