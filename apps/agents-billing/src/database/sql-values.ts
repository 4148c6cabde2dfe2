/** Column values as both drivers return them: node-postgres gives BIGINT as text, PGlite JSONB may come as text. */
export const optionalBigInt = (value: unknown): bigint | null => (value === null || value === undefined ? null : BigInt(value as string));

/** A Date of another realm (PGlite's under jest) is copied by its time: `String()` of it would drop the milliseconds. */
export const dateOf = (value: unknown): Date => {
  if (value instanceof Date) return value;
  return Object.prototype.toString.call(value) === '[object Date]' ? new Date((value as Date).getTime()) : new Date(String(value));
};

export const jsonOf = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
