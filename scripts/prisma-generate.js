// Generates each service's Prisma client offline. `prisma generate` does not use the schema
// engine but insists that one exists; pointing PRISMA_SCHEMA_ENGINE_BINARY at any file satisfies it.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

for (const app of readdirSync(join(root, 'apps'))) {
  const schema = join(root, 'apps', app, 'prisma', 'schema.prisma');
  if (!existsSync(schema)) continue;
  execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate', '--schema', schema], {
    cwd: join(root, 'apps', app),
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`prisma client generated for ${app}`);
}
