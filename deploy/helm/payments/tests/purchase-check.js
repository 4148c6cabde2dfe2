// `helm test`: the golden path. The test register DEMO0001 buys on a test card read by a simulated
// PIN pad (DUKPT under the release's staging BDK, tests.cardBdk) through the gateway's
// REST API; the answer must be 201 approved. Prints the status and response code, never card data.
const { randomUUID } = require('node:crypto');
const { resolve } = require('node:path');
// The platform image's build output, from its working directory (/app).
const { TestPinPad } = require(resolve('dist/libs/testing/src'));

async function main() {
  const { GATEWAY_URL, GATEWAY_DEMO_TERMINAL_KEY, PURCHASE_AMOUNT_MINOR, PURCHASE_CURRENCY, PURCHASE_PAN, TEST_CARD_BDK_ID, TEST_CARD_BDK } = process.env;
  // A PIN pad keyed with the release's staging BDK (the public ANSI test BDK is refused in production),
  // registered as HELM-TEST-PP by tests.seedTerminal. The server refuses a KSN counter at or below
  // the last one it took, and this pad keeps no state between runs: its counter is the n-th counter
  // a DUKPT pad uses, n the minutes since 2026 (strictly rising, for about two years), so one
  // `helm test` a minute passes.
  const minutes = Math.floor((Date.now() - Date.UTC(2026, 0, 1)) / 60_000) + 1;
  const counter = nthDeviceCounter(minutes);
  const ksn = Buffer.from('FFFF9876543210E00000', 'hex');
  ksn[7] = (ksn[7] & 0xe0) | ((counter - 1) >>> 16);
  ksn.writeUInt16BE((counter - 1) & 0xffff, 8);
  // readCard steps to the next counter a pad uses: `counter` itself.
  const pad = new TestPinPad({ bdkId: TEST_CARD_BDK_ID, bdk: TEST_CARD_BDK, initialKsn: ksn.toString('hex').toUpperCase() });
  const card = pad.readCard({ pan: PURCHASE_PAN, expiry: '3012', serviceCode: '201' });
  const response = await fetch(`${GATEWAY_URL}/v1/purchases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${GATEWAY_DEMO_TERMINAL_KEY}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ amount: Number(PURCHASE_AMOUNT_MINOR), currency: PURCHASE_CURRENCY, card }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.json().catch(() => ({}));
  const summary = `HTTP ${response.status} status=${body.status ?? '-'} responseCode=${body.responseCode ?? '-'} transactionId=${body.transactionId ?? '-'}`;
  if (response.status !== 201 || body.status !== 'approved') throw new Error(`purchase not approved: ${summary} ${body.message ?? ''}`.trim());
  console.log(`purchase approved: ${summary}`);
}

/** The n-th TDES DUKPT counter a pad uses (21 bits, at most ten one-bits, X9.24-1 A.2). */
function nthDeviceCounter(n) {
  for (let counter = 1, seen = 0; counter < 0x200000; counter += 1) {
    let ones = 0;
    for (let v = counter; v !== 0; v >>>= 1) ones += v & 1;
    if (ones <= 10 && (seen += 1) === n) return counter;
  }
  throw new Error('the test pad has used all its counters: register HELM-TEST-PP with a new initial KSN');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
