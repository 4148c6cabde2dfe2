import { createHash } from 'node:crypto';

import { namedId } from '../accounts/named-id';
import { changeAccountsOf, DEV_CHANGE_ID_KEY } from './change-account';
import type { E164 } from './phone-number';

const PHONE = '+420777123456' as E164;

describe('changeAccountsOf', () => {
  it('derives a UUID-shaped id keyed by AGENTS_BILLING_CHANGE_ID_KEY: not the unkeyed hash of the number, another under another key', () => {
    const id = changeAccountsOf({}).of(PHONE, 'EUR').id;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(changeAccountsOf({}).of(PHONE, 'EUR').id).toBe(id);
    expect(id).not.toBe(namedId(`change:${PHONE}:EUR`));
    expect(id.replace(/-/g, '')).not.toContain(createHash('sha256').update(`change:${PHONE}:EUR`).digest('hex').slice(20, 32));
    expect(changeAccountsOf({ AGENTS_BILLING_CHANGE_ID_KEY: '11'.repeat(32) }).of(PHONE, 'EUR').id).not.toBe(id);
    expect(changeAccountsOf({}).of(PHONE, 'CZK').id).not.toBe(id);
  });

  it('refuses the public development key and a malformed key, naming the variable', () => {
    expect(() => changeAccountsOf({ NODE_ENV: 'production' })).toThrow(
      'AGENTS_BILLING_CHANGE_ID_KEY: the public development key is not allowed when NODE_ENV=production',
    );
    expect(() => changeAccountsOf({ NODE_ENV: 'production', AGENTS_BILLING_CHANGE_ID_KEY: DEV_CHANGE_ID_KEY })).toThrow(/AGENTS_BILLING_CHANGE_ID_KEY/);
    expect(() => changeAccountsOf({ AGENTS_BILLING_CHANGE_ID_KEY: 'abc' })).toThrow(/AGENTS_BILLING_CHANGE_ID_KEY/);
    expect(changeAccountsOf({ NODE_ENV: 'production', AGENTS_BILLING_CHANGE_ID_KEY: '22'.repeat(32) }).of(PHONE, 'EUR').id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
