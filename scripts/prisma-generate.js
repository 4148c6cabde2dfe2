// Generates every Prisma client offline: each service's (apps/*/prisma/schema.prisma) and the
// test fixtures of the libs (libs/*/test-fixtures/prisma/schema.prisma).
// `prisma generate` does not use the schema engine but insists that one exists; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any file satisfies it.
// Fast when nothing changed: a client is regenerated only when its schema or the Prisma version
// differs from the stamp written beside the generated code (`--force` regenerates all).
const { execFile } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { dirname, join, relative, resolve } = require('node:path');

const root = join(__dirname, '..');
const prismaCli = require.resolve('prisma/build/index.js');
const prismaVersion = require('prisma/package.json').version;
const force = process.argv.includes('--force');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

function schemasUnder(folder, relativeSchema) {
  const base = join(root, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .map((name) => join(base, name, relativeSchema))
    .filter((schema) => existsSync(schema));
}

function outputDirOf(schemaPath, text) {
  const match = /generator\s+\w+\s*\{[^}]*?\boutput\s*=\s*"([^"]+)"/s.exec(text);
  if (!match) throw new Error(`${relative(root, schemaPath)}: the generator block has no output`);
  return resolve(dirname(schemaPath), match[1]);
}

function generate(schemaPath) {
  const text = readFileSync(schemaPath, 'utf8');
  const outputDir = outputDirOf(schemaPath, text);
  const stampFile = join(outputDir, '.schema-stamp');
  const stamp = createHash('sha256').update(prismaVersion).update('\0').update(text).digest('hex');
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return Promise.resolve(false);
  const args = [prismaCli, 'generate', '--schema', schemaPath, '--no-hints'];
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: dirname(dirname(schemaPath)), env }, (error, _stdout, stderr) => {
      if (error) return fail(new Error(`prisma generate failed for ${relative(root, schemaPath)}:\n${stderr}`));
      writeFileSync(stampFile, stamp);
      done(true);
    });
  });
}

async function main() {
  const schemas = [...schemasUnder('apps', 'prisma/schema.prisma'), ...schemasUnder('libs', 'test-fixtures/prisma/schema.prisma')];
  const queue = [...schemas];
  const generated = [];
  const worker = async () => {
    for (let schema = queue.shift(); schema; schema = queue.shift()) {
      if (await generate(schema)) generated.push(relative(root, schema));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  const fresh = schemas.length - generated.length;
  console.log(`prisma clients: ${generated.length} generated, ${fresh} up to date${generated.length ? ` (${generated.sort().join(', ')})` : ''}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
