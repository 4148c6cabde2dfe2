/** What a statement that names no table, function or schema of the platform is counted under. */
export const TRANSACTION_CONTROL = 'BEGIN/COMMIT';
export const OTHER = 'other';

/**
 * The service (database schema) a statement belongs to: the schema it names (`"gateway"."…"`), else
 * the one schema that has a table or function of a name it uses (`idempotency_record`,
 * `record_outcome(…)`); names several schemas share (outbox_message) decide nothing.
 */
export function ownerOf(query: string, schemasByName: ReadonlyMap<string, ReadonlySet<string>>): string {
  if (/^\s*(begin|commit|rollback|start transaction)\b/i.test(query)) return TRANSACTION_CONTROL;
  const qualified = /"([a-z_][a-z0-9_-]*)"\s*\.\s*"?[a-z_]/i.exec(query);
  if (qualified && [...schemasByName.values()].some((schemas) => schemas.has(qualified[1]))) return qualified[1];
  for (const [, name] of query.matchAll(/"?\b([a-z_][a-z0-9_]*)\b"?/gi)) {
    const schemas = schemasByName.get(name.toLowerCase());
    if (schemas?.size === 1) return [...schemas][0];
  }
  return OTHER;
}
