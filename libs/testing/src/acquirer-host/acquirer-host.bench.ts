/**
 * How many 0200/0210 exchanges a second the acquirer host simulator answers over ONE connection:
 *   npm run build && node dist/libs/testing/src/acquirer-host/acquirer-host.bench.js [--seconds 5] [--window 200] [--port 8583]
 * Without --port it starts the standalone simulator (acquirer-host.main.js) as a child process,
 * so the host and this client each have their own event loop. The client keeps `--window`
 * requests in flight (a new one for every answer) and checks that each answer names a STAN it
 * is waiting for. Prints one JSON line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { frame, FrameDecoder, Iso8583Codec, type Iso8583Message } from '@payments/iso8583';

import { freePort } from '../net/free-port.util';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, window: { type: 'string', default: '200' }, port: { type: 'string' } } });
const seconds = Math.min(Math.max(Number(values.seconds), 1), 60);
const window = Math.min(Math.max(Number(values.window), 1), 10_000);
const codec = Iso8583Codec.forSpec('iso87ascii');

const purchase = (stan: number): Iso8583Message => ({
  mti: '0200',
  fields: {
    2: '4761739001010119',
    3: '000000',
    4: '000000001234',
    7: '1122054730',
    11: String(stan).padStart(6, '0'),
    12: '114730',
    13: '1122',
    22: '051',
    37: `6326050${String(stan).padStart(5, '0').slice(-5)}`,
    41: 'TERM0001',
    42: 'MERCHANT0000001',
    49: '417',
  },
});

async function startHost(): Promise<{ port: number; child?: ChildProcess }> {
  if (values.port) return { port: Number(values.port) };
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, 'acquirer-host.main.js')], {
    env: { ...process.env, ACQUIRER_HOST_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { port, child };
}

async function main(): Promise<void> {
  const { port, child } = await startHost();
  const socket = connect({ host: '127.0.0.1', port });
  socket.setNoDelay(true);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const decoder = new FrameDecoder('binary2');
  const waiting = new Set<string>();
  let next = 0;
  let answered = 0;
  let mismatched = 0;
  const send = (): void => {
    next = (next % 999_999) + 1;
    waiting.add(String(next).padStart(6, '0'));
    socket.write(frame(codec.encode(purchase(next)), 'binary2'));
  };
  const deadline = performance.now() + seconds * 1_000;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      for (const bytes of decoder.push(chunk)) {
        const response = codec.decode(bytes);
        if (response.mti !== '0210' || !waiting.delete(response.fields[11] ?? '')) mismatched++;
        answered++;
        if (performance.now() < deadline) send();
        else if (waiting.size === 0) resolve();
      }
    });
    for (let i = 0; i < window; i++) send();
  });
  const elapsedS = (performance.now() - started) / 1_000;
  process.stdout.write(
    `${JSON.stringify({ connection: 1, window, seconds: Math.round(elapsedS * 100) / 100, answered, answersPerSecond: Math.round(answered / elapsedS), mismatched })}\n`,
  );
  socket.destroy();
  child?.kill('SIGTERM');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
