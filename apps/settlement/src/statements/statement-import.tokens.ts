/** The largest statement file the import API reads, in bytes (SETTLEMENT_STATEMENT_MAX_BYTES). */
export const STATEMENT_MAX_BYTES = Symbol('StatementMaxBytes');
