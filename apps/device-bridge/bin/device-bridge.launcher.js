'use strict';
/**
 * Runs the device bridge straight from its TypeScript sources (no `npm run build`), the way
 * apps/cli/bin/cli.launcher.js runs the CLI: each .ts file it loads is transpiled in memory by
 * @swc/core with the options jest uses, and the @payments/* aliases resolve from
 * tsconfig.base.json. For a shop PC and for the end-to-end test that kills and restarts the
 * bridge; the built `dist/apps/device-bridge/src/main.js` is the same program.
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

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

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};

require('../src/main.ts');
