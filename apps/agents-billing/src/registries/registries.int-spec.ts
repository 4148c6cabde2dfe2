import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { readLayoutFile } from '@payments/file-layout';

import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode } from '../tree/agent-node';
import { RegistryMismatchError } from './make-registry.usecase';
import { registryLayoutOf } from './registry-file';
import { registryDelivery } from './registry-delivery';
import { REGISTRY_LAYOUTS } from './registry-layouts';
import { verifyRegistrySignature } from './registry-signer';
import type { RegistriesStack } from './testing/registries.stack';
import { registryFolder, removeRegistryFolders, testSftp } from './testing/registries.stack';

jest.setTimeout(90_000);

const DAY = '2026-12-08';
/** The day's registries are due from 02:00 UTC the next day. */
const DUE = new Date('2026-12-09T02:00:00.000Z');
const AFTER_DAY = new Date('2026-12-09T00:30:00.000Z');
/** The first day of the payees whose registries the specs make by hand: never due for the worker. */
const NEVER = '2099-01-01';
const RULES = [{ level: 'agent' as const, percentBasisPoints: 100n, fixed: 0n }];
const at = (time: string) => new Date(`${DAY}T${time}Z`);

/** Registries per payee and day on real PostgreSQL and on PGlite, delivered into folders and to a real OpenSSH server; the ledger's invariants after every test. */
describe.each(['postgres', 'pglite'] as const)('payee registries (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;
  let agent: AgentNode;
  /** Every SFTP folder of this run, under one prefix removed at the end. */
  const sftpPrefix = `registries-${kind}-${process.pid}-${Date.now()}`;
  const sftp = testSftp();

  beforeAll(async () => {
    sut = await openAgentsBilling(kind);
    const dealer = await sut.dealer({ creditLimit: 10_000_000n });
    agent = await sut.child(dealer);
    await sut.fund.execute({ fundingId: randomUUID(), childId: agent.id, amount: 5_000_000n });
  });
  afterEach(async () => {
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(async () => {
    rmSync(join(sftp.landedRoot, sftpPrefix), { recursive: true, force: true });
    removeRegistryFolders();
    await sut?.close();
  });

  const pay = async (payeeId: string, amount: bigint, now: Date, account = '+420777123456') => {
    const outcome = await sut.pay.execute({ paymentId: randomUUID(), nodeId: agent.id, payeeId, amount, currency: 'EUR', account, now });
    if (outcome.kind !== 'posted') throw new Error(`expected posted, got ${outcome.kind}`);
    // posted_at is the database's clock when it was marked: moved to the moment of the day the spec is about.
    await sut.scratch.db.connection.execute(`UPDATE "agent_payment" SET "posted_at" = $2::timestamptz WHERE "id" = $1::uuid`, [
      outcome.payment.id,
      now.toISOString(),
    ]);
    return outcome.payment.id;
  };
  /** A payee with registry settings in a layout; its folder is its own under the run's prefix. */
  const payeeWithRegistry = async (stack: RegistriesStack, layout: string, fromDay = NEVER) => {
    const payeeId = await sut.payee(RULES);
    const folder = `${sftpPrefix}/${payeeId}`;
    await stack.settings.put({ payeeId, layout: REGISTRY_LAYOUTS[layout], folder, dueAfterMinute: 120, fromDay }, DAY);
    return { payeeId, folder };
  };
  const made = async (stack: RegistriesStack, payeeId: string, day = DAY, now = AFTER_DAY) => {
    const outcome = await stack.make.execute(payeeId, day, now);
    if (outcome.kind !== 'made' && outcome.kind !== 'existing') throw new Error(`expected a registry, got ${JSON.stringify(outcome)}`);
    return outcome;
  };
  const readBack = async (stack: RegistriesStack, payeeId: string, layout: string) => {
    const registry = await stack.registries.find(payeeId, DAY);
    const { bytes } = await stack.make.regenerate(registry!);
    return readLayoutFile(registryLayoutOf(REGISTRY_LAYOUTS[layout], payeeId), Readable.from([bytes]));
  };
  const openAlert = async (subjectId: string) => (await sut.alerts.open(1000)).find((a) => a.kind === 'registry-not-delivered' && a.subjectId === subjectId);

  it("makes one registry per payee of the day's posted payments, in the payee's layout, that reads back line by line with balanced totals", async () => {
    const stack = sut.registries();
    const csv = await payeeWithRegistry(stack, 'payee-registry-csv');
    const fixed = await payeeWithRegistry(stack, 'payee-registry-fixed');
    await pay(csv.payeeId, 5n, new Date('2026-12-07T23:59:59.999Z'));
    const morning = await pay(csv.payeeId, 2_500n, at('09:00:00.000'));
    const card = await pay(fixed.payeeId, 700n, at('12:00:00.000'), '4111111111111111');
    const lastMoment = await pay(csv.payeeId, 1_001n, at('23:59:59.999'));
    await pay(csv.payeeId, 999n, new Date('2026-12-09T00:00:00.000Z'));

    const csvRegistry = await made(stack, csv.payeeId);
    const fixedRegistry = await made(stack, fixed.payeeId);

    expect(csvRegistry).toMatchObject({
      kind: 'made',
      registry: { sequence: 1, lineCount: 2, total: 3_501n, currency: 'EUR', fileName: `REG_${csv.payeeId}_20261208_0001.csv` },
    });
    expect(fixedRegistry).toMatchObject({
      kind: 'made',
      registry: { sequence: 1, lineCount: 1, total: 700n, fileName: `${fixed.payeeId}.20261208.000001.REG` },
    });
    const csvFile = await readBack(stack, csv.payeeId, 'payee-registry-csv');
    expect(csvFile.header).toMatchObject({ payeeId: csv.payeeId, businessDay: DAY, lineCount: 2n, totalAmount: 3_501n, madeAt: AFTER_DAY });
    expect(csvFile.details).toEqual([
      { paymentId: morning, postedAt: at('09:00:00.000'), account: '+420777123456', amount: 2_500n, currency: 'EUR', nodeId: agent.id },
      { paymentId: lastMoment, postedAt: at('23:59:59.000'), account: '+420777123456', amount: 1_001n, currency: 'EUR', nodeId: agent.id },
    ]);
    expect(csvFile.trailer).toMatchObject({ lineCount: 2n, totalAmountMinor: 3_501n });
    const fixedFile = await readBack(stack, fixed.payeeId, 'payee-registry-fixed');
    expect(fixedFile.details).toEqual([
      { paymentId: card, postedAt: at('12:00:00.000'), account: '411111******1111', amount: 700n, currency: 'EUR', nodeId: agent.id },
    ]);
    expect(fixedFile.trailer).toMatchObject({ lineCount: 1n, totalAmountMinor: 700n });
  });

  it('gives the same bytes on a re-run, also in a restarted process, and keeps the first making', async () => {
    const stack = sut.registries();
    const { payeeId } = await payeeWithRegistry(stack, 'payee-registry-csv');
    await pay(payeeId, 1_234n, at('10:00:00.000'));
    const first = await made(stack, payeeId);
    const firstBytes = (await stack.make.regenerate(first.registry)).bytes;

    const again = await made(sut.registries(), payeeId, DAY, new Date('2026-12-10T08:00:00Z'));

    expect(again).toEqual({ kind: 'existing', registry: first.registry });
    expect((await sut.registries().make.regenerate(again.registry)).bytes.equals(firstBytes)).toBe(true);
  });

  it('refuses a re-run, the file and its delivery once the day has a payment it was not recorded with, saying what changed', async () => {
    const dir = registryFolder();
    const stack = sut.registries({ dir });
    const { payeeId, folder } = await payeeWithRegistry(stack, 'payee-registry-csv');
    await pay(payeeId, 1_000n, at('10:00:00.000'));
    const { registry } = await made(stack, payeeId);

    await pay(payeeId, 50n, at('11:00:00.000'));

    const rerun = await stack.make.execute(payeeId, DAY, DUE);
    const refusal =
      `registry ${registry.fileName} of payee ${payeeId} for ${DAY} was recorded with 1 payments totalling 1000 (sha256 ${registry.sha256}); ` +
      `the payments of that day now give 2 totalling 1050`;
    expect(rerun).toEqual({ kind: 'refused', message: expect.stringContaining(refusal) });
    expect(rerun).toEqual({ kind: 'refused', message: expect.stringMatching(/: refused, the recorded registry stands$/) });
    await expect(stack.make.regenerate(registry)).rejects.toThrow(RegistryMismatchError);
    const delivery = await stack.deliver.execute(registry, DUE);
    expect(delivery.error).toContain(refusal);
    expect(existsSync(join(dir, 'outgoing', folder))).toBe(false);
    expect(await stack.registries.find(payeeId, DAY)).toMatchObject({ sha256: registry.sha256, lineCount: 1, deliveredAt: null, attempts: 1 });
    expect(await openAlert(`${payeeId}/${DAY}`)).toMatchObject({ summary: expect.stringContaining(refusal) });
  });

  it("delivers the registry and its .sig into the payee's folder, archived; the signature verifies with the public key and fails on a flipped byte", async () => {
    const dir = registryFolder();
    const stack = sut.registries({ dir });
    const { payeeId, folder } = await payeeWithRegistry(stack, 'payee-registry-fixed');
    await pay(payeeId, 4_200n, at('08:00:00.000'));
    const { registry } = await made(stack, payeeId);

    const { registry: delivered, error } = await stack.deliver.execute(registry, DUE);

    expect(error).toBeUndefined();
    const landed = join(dir, 'outgoing', folder);
    expect(readdirSync(landed).sort()).toEqual([registry.fileName, `${registry.fileName}.sig`]);
    const bytes = readFileSync(join(landed, registry.fileName));
    const signature = readFileSync(join(landed, `${registry.fileName}.sig`));
    expect(bytes.equals(readFileSync(join(dir, 'archive', folder, registry.fileName)))).toBe(true);
    expect(verifyRegistrySignature(bytes, signature, stack.signer.publicKeyPem)).toBe(true);
    expect(verifyRegistrySignature(Buffer.from(bytes.map((b, i) => (i === 100 ? b ^ 0x20 : b))), signature, stack.signer.publicKeyPem)).toBe(false);
    expect(delivered).toMatchObject({ deliveredAt: DUE, attempts: 1, lastError: null, signingKeyId: stack.signer.keyId, signatureAlgorithm: 'Ed25519' });
  });

  it('writes an empty day as a registry of zero lines, delivered like any other', async () => {
    const dir = registryFolder();
    const stack = sut.registries({ dir });
    const { payeeId, folder } = await payeeWithRegistry(stack, 'payee-registry-csv');

    const { registry } = await made(stack, payeeId);
    await stack.deliver.execute(registry, DUE);

    expect(registry).toMatchObject({ lineCount: 0, total: 0n });
    const lines = readFileSync(join(dir, 'outgoing', folder, registry.fileName), 'utf8').split('\r\n');
    expect(lines).toEqual([`H;${payeeId};${DAY};0;0.00;EUR;2026-12-09T00:30:00Z;1`, expect.stringMatching(/^T;0;0;[0-9a-f]{64}$/), '']);
  });

  it('has the worker make and deliver due registries to the real SFTP server (the file and its .sig, the same bytes), once across a restart', async () => {
    const stack = sut.registries({ delivery: sftp.delivery });
    const { payeeId, folder } = await payeeWithRegistry(stack, 'payee-registry-csv', DAY);
    await pay(payeeId, 3_300n, at('13:00:00.000'));

    await stack.worker.runOnce(new Date(DUE.getTime() - 1));
    expect(await stack.registries.find(payeeId, DAY)).toBeUndefined();

    await stack.worker.runOnce(DUE);
    await sut.registries({ delivery: sftp.delivery }).worker.runOnce(new Date(DUE.getTime() + 60_000));

    const registry = (await stack.registries.find(payeeId, DAY))!;
    const landed = join(sftp.landedRoot, folder);
    expect(readdirSync(landed).sort()).toEqual([registry.fileName, `${registry.fileName}.sig`]);
    expect(readFileSync(join(landed, registry.fileName)).equals((await stack.make.regenerate(registry)).bytes)).toBe(true);
    expect(readFileSync(join(landed, `${registry.fileName}.sig`)).equals(registry.signature)).toBe(true);
    expect(registry).toMatchObject({ lineCount: 1, total: 3_300n, deliveredAt: DUE, destination: expect.stringMatching(/^sftp:\/\//) });
    expect(await stack.registries.attemptsOf(registry.id)).toEqual([
      { attemptedAt: DUE, outcome: 'delivered', destination: registry.destination, error: null },
    ]);
  });

  it('records a registry a stopped process had uploaded but not recorded as already delivered, sending nothing again', async () => {
    const dir = registryFolder();
    const stack = sut.registries({ dir });
    const { payeeId, folder } = await payeeWithRegistry(stack, 'payee-registry-csv');
    await pay(payeeId, 640n, at('16:00:00.000'));
    const { registry } = await made(stack, payeeId);
    // What the stopped process got done: the file and its .sig at the destination, no attempt recorded.
    const port = registryDelivery(stack.env.delivery, dir);
    await port.deliver({ stream: Readable.from([(await stack.make.regenerate(registry)).bytes]) }, { folder, name: registry.fileName });
    await port.deliver({ stream: Readable.from([registry.signature]) }, { folder, name: `${registry.fileName}.sig` });

    const { registry: recorded } = await sut.registries({ dir }).deliver.execute(registry, DUE);

    expect(recorded).toMatchObject({ deliveredAt: DUE, attempts: 1, lastError: null });
    expect((await stack.registries.attemptsOf(registry.id)).map((a) => a.outcome)).toEqual(['already-delivered']);
    expect(readdirSync(join(dir, 'outgoing', folder)).sort()).toEqual([registry.fileName, `${registry.fileName}.sig`]);
  });

  it('raises registry-not-delivered when the server cannot be reached, retries later, and a delivery clears it', async () => {
    const down = sut.registries({ delivery: { ...sftp.delivery, port: 1 } });
    const { payeeId, folder } = await payeeWithRegistry(down, 'payee-registry-fixed');
    await pay(payeeId, 990n, at('07:00:00.000'));
    const { registry } = await made(down, payeeId);

    const failed = await down.deliver.execute(registry, DUE);

    expect(failed.error).toMatch(/connection refused/);
    expect(failed.registry).toMatchObject({ deliveredAt: null, attempts: 1, lastError: failed.error, nextAttemptAt: new Date(DUE.getTime() + 1_000) });
    expect(await openAlert(`${payeeId}/${DAY}`)).toMatchObject({
      nodeId: null,
      summary: expect.stringContaining(`registry ${registry.fileName} of payee ${payeeId} for ${DAY} not delivered to sftp://`),
      facts: { payeeId, day: DAY, fileName: registry.fileName, attempts: 1 },
    });

    await sut.registries({ delivery: sftp.delivery }).worker.runOnce(new Date(DUE.getTime() + 1_000));

    expect(await openAlert(`${payeeId}/${DAY}`)).toBeUndefined();
    expect(readdirSync(join(sftp.landedRoot, folder)).sort()).toEqual([registry.fileName, `${registry.fileName}.sig`]);
    expect((await down.registries.attemptsOf(registry.id)).map((a) => [a.outcome, a.error])).toEqual([
      ['failed', failed.error],
      ['delivered', null],
    ]);
  });

  it("has the worker raise registry-not-delivered for a day its payee's layout cannot hold, naming the record and field, never the account", async () => {
    const stack = sut.registries();
    const payeeId = await sut.payee(RULES);
    const csv = REGISTRY_LAYOUTS['payee-registry-csv'] as { records: { detail: { fields: { name: string }[] } } };
    const narrow = {
      ...csv,
      records: { ...csv.records, detail: { fields: csv.records.detail.fields.map((f) => (f.name === 'account' ? { ...f, width: 13 } : f)) } },
    };
    await stack.settings.put({ payeeId, layout: narrow, folder: `${sftpPrefix}/${payeeId}`, dueAfterMinute: 120, fromDay: DAY }, DAY);
    await pay(payeeId, 100n, at('10:00:00.000'), '+4207771234567');

    await stack.worker.runOnce(DUE);

    expect(await stack.registries.find(payeeId, DAY)).toBeUndefined();
    const alert = await openAlert(`${payeeId}/${DAY}`);
    expect(alert?.summary).toBe(
      `registry of payee ${payeeId} for ${DAY} cannot be written in its layout: payee-registry-csv: detail record 1, field account: 14 characters do not fit in its width of 13`,
    );
  });

  it('makes no registry of a day not over yet, nor for a payee without settings', async () => {
    const stack = sut.registries();
    const { payeeId } = await payeeWithRegistry(stack, 'payee-registry-csv');
    const bare = await sut.payee(RULES);

    expect(await stack.make.execute(payeeId, DAY, new Date('2026-12-08T23:59:59.999Z'))).toEqual({ kind: 'day_not_over' });
    expect(await stack.make.execute(payeeId, DAY, new Date('2026-12-09T00:04:59.999Z'))).toEqual({ kind: 'day_not_over' });
    expect(await stack.make.execute(bare, DAY, DUE)).toEqual({ kind: 'no_settings' });
    expect(await stack.make.execute('no-such-payee', DAY, DUE)).toEqual({ kind: 'payee_not_found' });
    expect(await stack.registries.find(payeeId, DAY)).toBeUndefined();
  });
});
