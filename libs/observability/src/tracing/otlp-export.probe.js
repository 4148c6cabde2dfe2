// Runs startTelemetry in a plain Node process for telemetry.bootstrap.spec.ts: the OTLP/HTTP
// exporter loads node:http with a dynamic import(), which jest's CommonJS sandbox refuses.
// Usage: node otlp-export.probe.js <otlpEndpoint> <attribute value>
'use strict';
const Module = require('node:module');
const { transformSync } = require('@swc/core');

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(require('node:fs').readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

// The tsconfig path aliases: @payments/<lib> -> libs/<lib>/src/index.ts.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@payments\/([a-z0-9-]+)$/.exec(request);
  const target = alias ? require('node:path').join(__dirname, '..', '..', '..', alias[1], 'src', 'index.ts') : request;
  return resolveFilename.call(this, target, ...rest);
};

const [endpoint, value] = process.argv.slice(2);
const { trace } = require('@opentelemetry/api');
const { startTelemetry } = require('./telemetry.bootstrap.ts');

const telemetry = startTelemetry({ serviceName: 'probe', otlpEndpoint: endpoint });
const span = trace.getTracer('probe').startSpan('authorize');
span.setAttribute('payment.note', value);
span.end();
telemetry.shutdown().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
