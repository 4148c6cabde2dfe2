'use strict';
/**
 * Runs a program of this repository straight from its TypeScript sources (the CLI's and the device
 * bridge's launchers): no `npm run build`, no build output printed, never stale code.
 *
 * Why this mechanism: each .ts file the program actually loads (its app and the libs it imports) is
 * transpiled in memory by @swc/core, a declared devDependency, with the options jest uses
 * (jest.config.js). That costs a few milliseconds per file: warm, the CLI's launcher runs in about
 * 0.2 s and `npm run --silent cli` in about 0.4 s (npm's own start is the rest). Compiling with
 * `tsc -b` instead would type-check the program and its libs on the first run and after every edit
 * to them (about 2.4 s for the CLI's graph), need a tsc-alias pass, and write into the dist/ that
 * the main build owns. Type checking stays with `npm run typecheck` and the build.
 * The @payments/* aliases resolve from tsconfig.base.json, as scripts/jest-paths.js does.
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  swcrc: false,
  configFile: false,
};

/** Loads `entry` (a .ts file) with the aliases and the in-memory TypeScript transpiler installed. */
function runFromSources(entry) {
  const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
  const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]));
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function resolveAlias(request, ...rest) {
    return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
  };
  // Registering '.ts' also lets node's resolver find extensionless relative imports of .ts files.
  Module._extensions['.ts'] = function compileTypeScript(module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename });
    module._compile(code, filename);
  };
  require(entry);
}

module.exports = { runFromSources };
