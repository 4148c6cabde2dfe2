// A demo register: reads a test card on a simulated thin PIN pad and buys 12.50 EUR on the
// embedded platform. Usage: node scripts/demo-purchase.js [amountMinor] [pan]
// (amounts ending in 51 are declined by the simulated host, ending in 91 it never answers).
const { randomUUID } = require('node:crypto');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { ANSI_TEST_BDK, ANSI_TEST_INITIAL_KSN, TestPinPad } = require('../dist/libs/testing/src');

// The demo register's PIN pad (DEMO-PP-0001, registered by the embedded mode) remembers its last
// KSN, as a real one does: the server refuses a KSN counter it has already taken (63, replayed).
const DATA_DIR = process.env.DATA_DIR && process.env.DATA_DIR !== 'memory' ? process.env.DATA_DIR : 'data';
const KSN_FILE = join(DATA_DIR, 'demo-pin-pad.ksn');

function demoPinPad() {
  let lastKsn = ANSI_TEST_INITIAL_KSN;
  try {
    lastKsn = readFileSync(KSN_FILE, 'utf8').trim();
  } catch {
    // first read of this pad
  }
  return new TestPinPad({ bdkId: 'ansi-test-bdk', bdk: ANSI_TEST_BDK, initialKsn: lastKsn });
}

async function main() {
  const [amount = '1250', pan = '4242424242424242'] = process.argv.slice(2);
  const url = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
  const key = process.env.GATEWAY_DEMO_TERMINAL_KEY ?? 'demo-terminal-key-change-me';
  const pad = demoPinPad();
  const card = pad.readCard({ pan, expiry: '3012', serviceCode: '201' });
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(KSN_FILE, `${pad.currentKsn}\n`);
  const response = await fetch(`${url}/v1/purchases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ amount: Number(amount), currency: 'EUR', card }),
  });
  const body = await response.json();
  console.log(`HTTP ${response.status}`);
  console.log(body.receipt ? body.receipt.join('\n') : JSON.stringify(body, null, 2));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
