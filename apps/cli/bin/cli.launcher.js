'use strict';
/**
 * Runs the operator CLI straight from its TypeScript sources, so `npm run cli` works on a fresh
 * checkout without `npm run build` (scripts/ts-sources.loader.js says how and why).
 */
const path = require('node:path');

require(path.join(__dirname, '..', '..', '..', 'scripts', 'ts-sources.loader.js')).runFromSources(path.join(__dirname, '..', 'src', 'main.ts'));
