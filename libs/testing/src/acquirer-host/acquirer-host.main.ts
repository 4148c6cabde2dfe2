/**
 * Standalone acquirer host simulator for the distributed mode:
 *   node dist/libs/testing/src/acquirer-host/acquirer-host.main.js
 * ACQUIRER_HOST_PORT (default 8583) and ACQUIRER_HOST_BIND (default 127.0.0.1) choose where it
 * listens. Magic amounts are on (see acquirer-host.behaviour.ts). ACQUIRER_HOST_ZPK (32 hex digits,
 * default the public TEST_ZONE_PIN_KEY) is the zone PIN key DE 52 is verified under; every card's
 * PIN is 1234. Stops on SIGINT/SIGTERM.
 */
import { AcquirerHostSimulator } from './acquirer-host.simulator';

const DEFAULT_PORT = 8583;

function readPort(raw: string | undefined): number {
  const port = raw === undefined || raw === '' ? DEFAULT_PORT : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError('ACQUIRER_HOST_PORT must be an integer between 0 and 65535');
  }
  return port;
}

async function main(): Promise<void> {
  const simulator = new AcquirerHostSimulator({
    port: readPort(process.env.ACQUIRER_HOST_PORT),
    host: process.env.ACQUIRER_HOST_BIND ?? '127.0.0.1',
    zonePinKey: process.env.ACQUIRER_HOST_ZPK || undefined,
  });
  const { port } = await simulator.start();
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'acquirer host simulator listening', port })}\n`);
  const shutdown = (): void => {
    void simulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'acquirer host simulator failed', error: String(error) })}\n`);
  process.exit(1);
});
