// A demo register: reads a test card on a simulated thin PIN pad and buys 12.50 EUR on the
// embedded platform. Usage: node scripts/demo-purchase.js [amountMinor] [pan]
// (amounts ending in 51 are declined by the simulated host, ending in 91 it never answers).
const { randomUUID } = require('node:crypto');
const { TestPinPad } = require('../dist/libs/testing/src');

async function main() {
  const [amount = '1250', pan = '4242424242424242'] = process.argv.slice(2);
  const url = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
  const key = process.env.GATEWAY_DEMO_TERMINAL_KEY ?? 'demo-terminal-key-change-me';
  const card = TestPinPad.withAnsiTestKey().readCard({ pan, expiry: '3012', serviceCode: '201' });
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
