import { readFile } from 'node:fs/promises';

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

import { InMemoryCache } from '@payments/cache';
import { TotpVerifier } from '@payments/identity';

import { PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { RegisterClient } from '../support/register.client';

const PAN = '4242424242424242';
const MASKED = '424242******4242';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PASSWORD = 'console e2e password';

/** The few browser globals the page functions below use (the specs compile without the DOM lib). */
interface PageElement {
  readonly textContent: string | null;
  readonly disabled?: boolean;
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } } | null;
}
declare const document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> };
declare const location: { hash: string };

/**
 * The operators' console in Debian's Chromium (playwright-core), against one embedded platform:
 * what each role sees and may do, the session's ends, and the page's own security (CSP, origin).
 */
describe('the operators’ console in a real browser (embedded mode)', () => {
  let platform: PlatformUnderTest;
  let browser: Browser;
  let admin: Page;
  let consoleUrl: string;
  let register: RegisterClient;
  const contexts: BrowserContext[] = [];
  /** Every URL any console page asked for, and every message the browser logged as an error. */
  const requested: string[] = [];
  const browserErrors: string[] = [];
  const secrets: Record<string, string> = {};
  const totp = new TotpVerifier(new InMemoryCache());

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text());
    });
    page.on('pageerror', (error) => browserErrors.push(error.message));
    await page.goto(consoleUrl);
    return page;
  };

  const logIn = async (page: Page, username: string, password: string, code: string): Promise<void> => {
    await page.fill('#login input[name=username]', username);
    await page.fill('#login input[name=password]', password);
    await page.fill('#login input[name=totp]', code);
    await page.click('#login button[type=submit]');
  };

  const navLinks = (page: Page) => page.locator('#nav a').allTextContents();

  beforeAll(async () => {
    platform = await startEmbedded({ env: { AUTHORIZATION_PIN_PAD_REGISTRY: 'enforce' } });
    consoleUrl = `${platform.operatorApiUrl}/console`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    // Three approved purchases, one the host declines (51: the simulator's magic amount ending
    // in 51), and the last card block sent again: declined 63 (KSN replayed).
    register = new RegisterClient(platform.gatewayUrl);
    let card = {};
    for (const [amount, status] of [
      [1250, 'approved'],
      [1251, 'declined'],
      [1252, 'approved'],
      [1253, 'approved'],
    ] as const) {
      card = register.card(PAN);
      expect((await register.purchase({ amount, currency: 'EUR', card })).body).toMatchObject({ status });
    }
    expect((await register.purchase({ amount: 999, currency: 'EUR', card })).body).toMatchObject({ status: 'declined', responseCode: '63' });
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await platform?.stop();
  }, 60_000);

  it('is served on the operator port only, with a strict Content-Security-Policy and no caching', async () => {
    const page = await fetch(consoleUrl);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).not.toMatch(/<script>|<style>| on[a-z]+=/);
    expect((await fetch(`${platform.gatewayUrl}/console`)).status).toBe(404);
    expect((await fetch(`${consoleUrl}/..%2Fpackage.json`)).status).toBe(404);
  });

  it('shows a wrong TOTP code as a refused login', async () => {
    const seeded = platform.seededOperatorAdmin!;
    const page = await newPage();
    const wrong = String((Number(totp.codeNow(seeded.totpSecret)) + 1) % 1_000_000).padStart(6, '0');
    await logIn(page, seeded.username, seeded.password, wrong);
    await page.waitForSelector('#login-error [role=alert]');
    expect(await page.textContent('#login-error')).toContain('Login refused');
    expect(await page.isVisible('#top')).toBe(false);
  });

  it('lets the admin log in with a TOTP code and shows the last half hour as charts drawn from the journal', async () => {
    const seeded = platform.seededOperatorAdmin!;
    admin = await newPage();
    const [loggedIn, journalRead] = await Promise.all([
      admin.waitForResponse((response) => response.url().endsWith('/v1/operator/session')),
      admin.waitForResponse((response) => response.url().includes('/v1/journal/transactions')),
      logIn(admin, seeded.username, seeded.password, totp.codeNow(seeded.totpSecret)),
    ]);
    await admin.waitForSelector('#tile-approved');
    // Neither the session token nor any data the pages show is kept by the browser or a proxy.
    expect(loggedIn.headers()['cache-control']).toBe('no-store');
    expect(journalRead.headers()['cache-control']).toBe('no-store');
    expect(await navLinks(admin)).toEqual(['Overview', 'Journal', 'PIN pads', 'Operators', 'Audit log']);
    expect(await admin.textContent('#who')).toContain('(admin)');
    expect(await admin.textContent('#tile-approved b')).toBe('3');
    expect(await admin.textContent('#tile-declined b')).toBe('2');
    expect(await admin.textContent('#tile-approval-rate b')).toBe('60 %');
    expect(await admin.textContent('#chart-response-codes figcaption')).toBe('00: 3, 51: 1, 63: 1');
    expect(await admin.textContent('#chart-latency figcaption')).toMatch(/^p50 \d+ ms, p95 \d+ ms over 5 attempts$/);
    // The bars and lines are on the canvases: pixels of each series' colour.
    const drawn = await admin.evaluate(() =>
      ['chart-approvals', 'chart-response-codes', 'chart-latency'].map((id) => {
        const canvas = document.querySelector(`#${id} canvas`)!;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4)
          if (data[i + 3] > 0 && Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) coloured += 1;
        return coloured;
      }),
    );
    for (const pixels of drawn) expect(pixels).toBeGreaterThan(20);
  });

  it('searches the journal with filters (masked PANs only) and downloads the same search as CSV', async () => {
    await admin.click('#nav a[data-page="/journal"]');
    await admin.waitForSelector('#journal-count');
    await admin.fill('#journal-filters input[name=terminalId]', 'DEMO0001');
    await admin.selectOption('#journal-filters select[name=status]', 'approved');
    await admin.click('#journal-filters button[type=submit]');
    await admin.waitForFunction(() => document.querySelector('#journal-count')?.textContent === '3 attempts');
    const rows = await admin.locator('#journal-results tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toContain(MASKED);
    expect(rows.join('\n')).toContain('€12.52');
    expect(await admin.content()).not.toContain(PAN);

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.click('#journal-csv')]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^transactionId,createdAt,/);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((line) => line.includes(',approved,') && line.includes(MASKED))).toBe(true);
    expect(csv).not.toContain(PAN);
  });

  it('blocks a PIN pad (its card data is then declined 58) and unblocks it', async () => {
    await admin.click('#nav a[data-page="/pin-pads"]');
    const row = admin.locator('#pin-pads tr', { hasText: 'DEMO-PP-0001' });
    await row.locator('input[name=reason]').fill('reported stolen');
    await row.locator('button', { hasText: 'Block' }).click();
    await admin.waitForFunction(() =>
      Array.from(document.querySelectorAll('#pin-pads tr')).some((tr) => /DEMO-PP-0001.*blocked.*reported stolen/.test(tr.textContent ?? '')),
    );
    expect((await register.purchase({ amount: 100, currency: 'EUR', card: register.card(PAN) })).body).toMatchObject({
      status: 'declined',
      responseCode: '58',
    });

    await row.locator('button', { hasText: 'Unblock' }).click();
    await admin.waitForFunction(() => Array.from(document.querySelectorAll('#pin-pads tr')).some((tr) => /DEMO-PP-0001.*active/.test(tr.textContent ?? '')));
    expect((await register.purchase({ amount: 100, currency: 'EUR', card: register.card(PAN) })).body).toMatchObject({ status: 'approved' });
  });

  it('lets the admin create operators, each TOTP secret shown once', async () => {
    await admin.click('#nav a[data-page="/operators"]');
    for (const [username, role] of [
      ['night-duty', 'support'],
      ['day-audit', 'auditor'],
    ]) {
      await admin.fill('#create-operator input[name=username]', username);
      await admin.fill('#create-operator input[name=displayName]', `Console ${role}`);
      await admin.selectOption('#create-operator select[name=role]', role);
      await admin.fill('#create-operator input[name=password]', PASSWORD);
      await admin.click('#create-operator button[type=submit]');
      await admin.waitForFunction((name) => document.querySelector('#totp-shown')?.textContent?.includes(`secret of ${name}`), username);
      secrets[username] = (await admin.textContent('#totp-secret'))!;
      await admin.waitForSelector(`#operators tr:has-text("${username}")`);
    }
    expect(secrets['night-duty']).toMatch(/^[A-Z2-7]{32}$/);
    await admin.reload();
    await admin.waitForSelector('#operators tr:has-text("night-duty")');
    expect(await admin.content()).not.toContain(secrets['night-duty']);
  });

  it('shows a support operator no admin page or button, and the API refuses the admin call they force (403, audited)', async () => {
    const support = await newPage();
    await logIn(support, 'night-duty', PASSWORD, totp.codeNow(secrets['night-duty']));
    await support.waitForSelector('#tile-approved');
    expect(await navLinks(support)).toEqual(['Overview', 'Journal', 'PIN pads']);
    await support.click('#nav a[data-page="/pin-pads"]');
    await support.waitForSelector('#pin-pads tr:has-text("DEMO-PP-0001")');
    expect(await support.locator('#pin-pads button').evaluateAll((buttons) => buttons.every((b) => (b as unknown as PageElement).disabled))).toBe(true);
    await support.evaluate(() => (location.hash = '#/operators'));
    await support.waitForSelector('main [role=alert]');
    expect(await support.textContent('main')).toContain('The support role may not open this page.');

    const forced = await support.evaluate(async () => {
      const send = (headers: Record<string, string>) =>
        fetch('/v1/operator/operators', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ username: 'sneaky', displayName: 'x', role: 'admin', password: 'a long enough password' }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { message: string } }));
      return { withHeader: await send({ 'x-operator-request': 'console' }), withoutHeader: await send({}) };
    });
    expect(forced.withHeader).toEqual({ status: 403, body: expect.objectContaining({ message: 'the support role lacks the operators:write permission' }) });
    expect(forced.withoutHeader).toMatchObject({ status: 403, body: { message: expect.stringContaining('needs the x-operator-request header') } });

    // The admin changes their role: their session ends, and the next page they open is the login.
    await admin.click('#nav a[data-page="/operators"]');
    const row = admin.locator('#operators tr', { hasText: 'night-duty' });
    await row.locator('select[name=role]').selectOption('risk');
    await Promise.all([
      admin.waitForResponse((response) => response.url().endsWith('/role') && response.status() === 200),
      row.locator('button', { hasText: 'Change role' }).click(),
    ]);
    await support.click('#nav a[data-page="/journal"]');
    await support.waitForSelector('#login');
    expect(await support.textContent('#login [role=status]')).toMatch(/^Your session has ended: unknown operator key or session \(ended/);
    expect(await support.isVisible('#top')).toBe(false);
  });

  it('shows the auditor the audit log with the refused call and the chain verified', async () => {
    const auditor = await newPage();
    await logIn(auditor, 'day-audit', PASSWORD, totp.codeNow(secrets['day-audit']));
    await auditor.waitForSelector('#nav a[data-page="/audit"]');
    expect(await navLinks(auditor)).toEqual(['Overview', 'Journal', 'PIN pads', 'Operators', 'Audit log']);
    await auditor.click('#nav a[data-page="/audit"]');
    await auditor.waitForSelector('#audit-verdict [role=status]');
    expect(await auditor.textContent('#audit-verdict')).toMatch(/^Chain intact: \d+ lines checked\.$/);
    await auditor.selectOption('#audit-filters select[name=outcome]', 'denied');
    await auditor.click('#audit-filters button[type=submit]');
    await auditor.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('#audit-lines tbody tr'));
      return rows.length > 0 && rows.every((row) => row.textContent?.includes('denied'));
    });
    const refused = auditor.locator('#audit-lines tr', { hasText: 'POST /v1/operator/operators' }).filter({ hasText: 'night-duty' });
    await refused.first().waitFor();
    expect(await refused.allTextContents()).toEqual([expect.stringContaining('x-operator-request'), expect.stringContaining('operators:write')]);
    // An auditor reads operators, but has no button to change them.
    await auditor.click('#nav a[data-page="/operators"]');
    await auditor.waitForSelector('#operators tr:has-text("night-duty")');
    expect(await auditor.locator('#operators button, #create-operator').count()).toBe(0);
  });

  it('loaded nothing from another origin and broke no Content-Security-Policy rule', () => {
    const origin = new URL(consoleUrl).origin;
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(browserErrors.filter((message) => /Content Security Policy|Refused to/i.test(message))).toEqual([]);
  });
});
