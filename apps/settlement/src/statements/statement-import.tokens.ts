/** The largest statement file the import API reads, in bytes (SETTLEMENT_STATEMENT_MAX_BYTES). */
export const STATEMENT_MAX_BYTES = Symbol('StatementMaxBytes');

/** How a back office sends a statement file: its bytes as the body (curl --data-binary @file), untouched by any body parser. */
export const STATEMENT_CONTENT_TYPES = ['application/xml', 'text/xml', 'text/plain', 'application/octet-stream'] as const;
