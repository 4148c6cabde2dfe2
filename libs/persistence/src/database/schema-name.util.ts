/**
 * A service's schema name goes into DDL and search_path, where it cannot be a bind parameter:
 * only plain lower-case identifiers are accepted (PostgreSQL's limit is 63 bytes).
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string, field = 'schema'): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`${field} must match ${SCHEMA_NAME.source} (lower case, digits, underscores), got ${JSON.stringify(schema)}`);
  }
  return schema;
}

/** Quotes an identifier already checked by assertSchemaName (reserved words such as `authorization` need it). */
export function quoteIdent(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** A LISTEN/NOTIFY channel is an identifier too: the same rule as a schema name. */
export function assertChannelName(channel: string): string {
  return assertSchemaName(channel, 'channel');
}
