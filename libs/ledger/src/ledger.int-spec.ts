import { Ledger } from './ledger';
import { ledgerContract } from './testing/ledger.contract';

jest.setTimeout(60_000);

/** One contract, both databases: the embedded mode (PGlite) cannot drift from PostgreSQL. */
describe.each(['postgres', 'pglite'] as const)(`${Ledger.name} (%s)`, (kind) => {
  ledgerContract(kind);
});
