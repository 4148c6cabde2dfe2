import { startDeviceBridge } from './device-bridge.server';

startDeviceBridge(process.env, { telemetry: true }).catch((error: unknown) => {
  console.error(JSON.stringify({ service: 'device-bridge', msg: 'failed to start', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
