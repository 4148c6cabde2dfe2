import { join } from 'node:path';

import type { Database } from '@payments/persistence';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import type { GatewayDb } from '../database/gateway-db.provider';
import { ApiClientRepository, hashApiKey } from './api-client.repository';

jest.setTimeout(60_000);

const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');

/** The key lookup every register request may make, as plain SQL on real PostgreSQL and on PGlite (the embedded mode). */
describe.each(['postgres', 'pglite'] as const)(`${ApiClientRepository.name} key lookup (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let db: Database;
  let sut: ApiClientRepository;

  const register = (id: string, terminalId: string, key: string, active: boolean): Promise<unknown> =>
    db.connection.query(
      `INSERT INTO "${scratch.schema}"."api_client" ("id", "name", "terminal_id", "merchant_id", "currencies", "key_hash", "active")
       VALUES ($1::uuid, $2, $3, 'SHOP1', ARRAY['EUR', 'USD'], $4, $5)`,
      [id, `register ${terminalId}`, terminalId, hashApiKey(key), active],
    );

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'gateway', migrationsDir: MIGRATIONS });
    ({ db } = scratch);
    // Only the lookup is run here; the Prisma client (registration) is not needed for it.
    sut = new ApiClientRepository({} as GatewayDb, db.connection);
    await register('00000000-0000-4000-8000-000000000001', 'T0000001', 'key-active', true);
    await register('00000000-0000-4000-8000-000000000002', 'T0000002', 'key-disabled', false);
  });
  afterAll(() => scratch?.close());

  it("finds an active key's terminal, with its merchant and currencies", async () => {
    expect(await sut.findActiveByKey('key-active')).toEqual({
      clientId: '00000000-0000-4000-8000-000000000001',
      name: 'register T0000001',
      terminalId: 'T0000001',
      merchantId: 'SHOP1',
      currencies: ['EUR', 'USD'],
    });
  });

  it('finds nothing for a disabled key or an unknown one', async () => {
    expect(await sut.findActiveByKey('key-disabled')).toBeUndefined();
    expect(await sut.findActiveByKey('key-never-issued')).toBeUndefined();
  });
});
