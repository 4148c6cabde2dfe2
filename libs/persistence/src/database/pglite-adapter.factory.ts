import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  SqlResultSet,
  Transaction,
  TransactionOptions,
} from '@prisma/driver-adapter-utils';

/**
 * Wraps pglite-prisma-adapter (0.7.2) for two gaps:
 * - its factory takes no options, so it reports no schema: Prisma would put models without
 *   `@@schema` in `public`. This wrapper reports the service's schema, as PrismaPg({ schema }) does.
 * - PGlite is loaded outside jest's sandbox (see requireOutsideSandbox), where `instanceof Date`
 *   fails for a Date made in the test's realm; Dates are passed as ISO strings instead, which the
 *   adapter parses itself for datetime arguments. In a plain Node process this changes nothing.
 */
export class PgliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapterFactory,
    private readonly schema: string,
  ) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new SchemaScopedAdapter(await this.inner.connect(), this.schema);
  }
}

function realmNeutral(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(realmNeutral);
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    return Number.isNaN(date.getTime()) ? date : date.toISOString();
  }
  return value;
}

class RealmNeutralQueryable<T extends SqlQueryable> implements SqlQueryable {
  readonly provider = 'postgres';
  readonly adapterName: string;

  constructor(protected readonly inner: T) {
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw({ ...query, args: query.args.map(realmNeutral) });
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw({ ...query, args: query.args.map(realmNeutral) });
  }
}

class RealmNeutralTransaction extends RealmNeutralQueryable<Transaction> implements Transaction {
  get options(): TransactionOptions {
    return this.inner.options;
  }

  commit(): Promise<void> {
    return this.inner.commit();
  }

  rollback(): Promise<void> {
    return this.inner.rollback();
  }
}

class SchemaScopedAdapter extends RealmNeutralQueryable<SqlDriverAdapter> implements SqlDriverAdapter {
  constructor(
    inner: SqlDriverAdapter,
    private readonly schema: string,
  ) {
    super(inner);
  }

  executeScript(script: string): Promise<void> {
    return this.inner.executeScript(script);
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new RealmNeutralTransaction(await this.inner.startTransaction(isolationLevel));
  }

  getConnectionInfo(): ConnectionInfo {
    const info = this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
    return { ...info, schemaName: this.schema };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
