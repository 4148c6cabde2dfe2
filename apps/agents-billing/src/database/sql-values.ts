/** Column values as both drivers return them: node-postgres gives BIGINT as text, PGlite JSONB may come as text. */
export const optionalBigInt = (value: unknown): bigint | null => (value === null || value === undefined ? null : BigInt(value as string));

export const dateOf = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

export const jsonOf = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
