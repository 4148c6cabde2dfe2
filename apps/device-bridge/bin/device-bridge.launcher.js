'use strict';
/**
 * Runs the device bridge straight from its TypeScript sources (no `npm run build`), as the CLI's
 * launcher does (scripts/ts-sources.loader.js). For a shop PC and for the end-to-end test that
 * kills and restarts the bridge; the built `dist/apps/device-bridge/src/main.js` is the same program.
 */
const path = require('node:path');

require(path.join(__dirname, '..', '..', '..', 'scripts', 'ts-sources.loader.js')).runFromSources(path.join(__dirname, '..', 'src', 'main.ts'));
