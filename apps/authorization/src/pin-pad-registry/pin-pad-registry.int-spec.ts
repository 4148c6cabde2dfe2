import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

import type { Database } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { PinPadAdmission } from './pin-pad-admission';
import { PinPadRegistryRepository } from './pin-pad-registry.repository';
import { PinPadRegistryService } from './pin-pad-registry.service';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const INITIAL_KSN = 'FFFF9876543210E00000';
const ksn = (counter: number) => `FFFF9876543210E${counter.toString(16).toUpperCase().padStart(5, '0')}`;

/** The registry and its per-operation admission on real PostgreSQL and on PGlite (the embedded mode). */
describe.each(['postgres', 'pglite'] as const)('PIN pad registry (%s)', (kind) => {
  let scratch: ScratchSchema;
  let db: Database;
  let registry: PinPadRegistryService;
  let admission: PinPadAdmission;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'authorization', migrationsDir: MIGRATIONS, url });
    db = scratch.db;
    const repository = new PinPadRegistryRepository(db.connection);
    registry = new PinPadRegistryService(repository, { AUTHORIZATION_PIN_PADS_SEED: 'PP-SEED:seed-bdk:FFFF9876543210E00000:T0000009' });
    admission = new PinPadAdmission(repository, { AUTHORIZATION_PIN_PAD_REGISTRY: 'enforce' });
  });

  afterAll(async () => {
    await scratch?.close();
  });

  let bdkId: string;
  let serial: string;
  beforeEach(async () => {
    // Each test its own pad: a BDK id of its own makes the (BDK id, initial KSN) key unique.
    bdkId = `bdk-${randomUUID().slice(0, 8)}`;
    serial = `PP-${randomUUID().slice(0, 8)}`;
    await registry.register({ serialNumber: serial, bdkId, initialKsn: INITIAL_KSN, terminalId: 'T0000001', shopId: 'SHOP-7' });
  });

  const read = (counter: number, terminalId = 'T0000001', transactionId: string = randomUUID()) =>
    admission.check({ card: { bdkId, ksn: ksn(counter), ciphertext: '00' }, terminalId, transactionId });

  it('takes card data from a registered pad with a rising counter, and remembers the last counter', async () => {
    expect(await read(1)).toBeUndefined();
    expect(await read(2)).toBeUndefined();
    expect(await read(9)).toBeUndefined();
    expect(await registry.get(serial)).toMatchObject({
      serialNumber: serial,
      terminalId: 'T0000001',
      shopId: 'SHOP-7',
      status: 'active',
      lastCounter: 9,
      keyScheme: 'tdes',
    });
  });

  it('refuses a replayed KSN (63), but not the same transaction asked again', async () => {
    const transactionId = randomUUID();
    expect(await read(5, 'T0000001', transactionId)).toBeUndefined();
    expect(await read(5, 'T0000001', transactionId)).toBeUndefined();
    expect(await read(5)).toEqual({
      responseCode: '63',
      reason: `KSN replayed: PIN pad ${serial} already used counter 5, this block has counter 5 (a PIN pad steps its counter on every read)`,
    });
    expect(await read(4)).toMatchObject({ responseCode: '63', reason: expect.stringContaining('already used counter 5, this block has counter 4') });
    expect(await read(6)).toBeUndefined();
  });

  it('takes only the card block’s counter, never a PIN KSN’s (nothing has checked a PIN block when the card is admitted)', async () => {
    const request = {
      card: { bdkId, ksn: ksn(3), ciphertext: '00' },
      pin: { pinBlock: '00'.repeat(8), format: 0 as const, ksn: ksn(0x1ffff0) },
      terminalId: 'T0000001',
      transactionId: randomUUID(),
    };
    expect(await admission.check(request)).toBeUndefined();
    expect(await registry.get(serial)).toMatchObject({ lastCounter: 3 });
    expect(await read(4)).toBeUndefined();
  });

  it('lets exactly one of two operations through when both carry the same KSN at once', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => read(3)));
    expect(results.filter((result) => result === undefined)).toHaveLength(1);
    expect(results.filter((result) => result?.responseCode === '63')).toHaveLength(5);
  });

  it('refuses an unknown pad, a pad of another register and a counter no device uses', async () => {
    expect(
      await admission.check({ card: { bdkId: 'never-loaded', ksn: ksn(1), ciphertext: '00' }, terminalId: 'T0000001', transactionId: randomUUID() }),
    ).toEqual({
      responseCode: '58',
      reason: `PIN pad not registered: no PIN pad is loaded with BDK never-loaded and initial KSN ${INITIAL_KSN}`,
    });
    expect(await read(1, 'T0000002')).toEqual({ responseCode: '58', reason: `PIN pad ${serial} serves terminal T0000001, not T0000002` });
    expect(await read(0x7ff)).toMatchObject({ responseCode: '63', reason: expect.stringContaining('counter 2047 is one no X9.24 device uses') });
    expect(await admission.check({ card: { bdkId, ksn: 'FFFF', ciphertext: '00' }, terminalId: 'T0000001', transactionId: randomUUID() })).toMatchObject({
      responseCode: '63',
      reason: expect.stringContaining('card.ksn'),
    });
  });

  it('refuses a blocked pad with the reason until it is unblocked', async () => {
    expect(await registry.setStatus(serial, 'blocked', 'reported stolen')).toMatchObject({ status: 'blocked', statusReason: 'reported stolen' });
    expect(await read(1)).toEqual({ responseCode: '58', reason: `PIN pad ${serial} is blocked: reported stolen` });
    await registry.setStatus(serial, 'active');
    expect(await read(2)).toBeUndefined();
  });

  it('starts the counter over when the pad is loaded with a new initial key, and moves it to another register', async () => {
    expect(await read(40)).toBeUndefined();
    const again = await registry.register({ serialNumber: serial, bdkId, initialKsn: 'FFFF9876543211E00000', terminalId: 'T0000002' });
    expect(again).toMatchObject({ created: false, pad: { initialKsn: 'FFFF9876543211E00000', terminalId: 'T0000002', lastCounter: 0 } });
    const card = { bdkId, ksn: 'FFFF9876543211E00001', ciphertext: '00' };
    expect(await admission.check({ card, terminalId: 'T0000002', transactionId: randomUUID() })).toBeUndefined();
    // The old key is no longer this pad's.
    expect(await read(41, 'T0000002')).toMatchObject({ responseCode: '58', reason: expect.stringContaining('PIN pad not registered') });
  });

  it('refuses a second pad with the same key, bad registrations and unknown serials, by name', async () => {
    await expect(registry.register({ serialNumber: 'PP-OTHER', bdkId, initialKsn: INITIAL_KSN, terminalId: 'T0000001' })).rejects.toThrow(ConflictException);
    await expect(registry.register({ serialNumber: 'PP-OTHER', bdkId, initialKsn: INITIAL_KSN, terminalId: 'T0000001' })).rejects.toThrow(
      `PIN pad ${serial} is already loaded`,
    );
    await expect(registry.register({ serialNumber: 'PP-OTHER', bdkId, initialKsn: ksn(3), terminalId: 'T0000001' })).rejects.toThrow(BadRequestException);
    await expect(registry.get('PP-NOBODY')).rejects.toThrow(NotFoundException);
    await expect(registry.setStatus('PP-NOBODY', 'blocked')).rejects.toThrow('PIN pad PP-NOBODY is not registered');
  });

  it('registers the seeded pads at start once, keeping their counter on the next start', async () => {
    await registry.onApplicationBootstrap();
    const seeded = { card: { bdkId: 'seed-bdk', ksn: ksn(7), ciphertext: '00' }, terminalId: 'T0000009', transactionId: randomUUID() };
    expect(await admission.check(seeded)).toBeUndefined();
    await registry.onApplicationBootstrap();
    expect(await registry.get('PP-SEED')).toMatchObject({ lastCounter: 7, terminalId: 'T0000009' });
    expect(await registry.list({ terminalId: 'T0000009' }, 10)).toHaveLength(1);
  });

  it('checks nothing when the registry is off (tests and demos)', async () => {
    const off = new PinPadAdmission(new PinPadRegistryRepository(db.connection), { AUTHORIZATION_PIN_PAD_REGISTRY: 'off' });
    expect(await off.check({ card: { bdkId: 'never-loaded', ksn: ksn(1), ciphertext: '00' }, terminalId: 'T1', transactionId: randomUUID() })).toBeUndefined();
  });
});
