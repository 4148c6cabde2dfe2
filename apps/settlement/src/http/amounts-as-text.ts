/** A record whose bigint amounts are exact decimal text, as the operators' API shows them (JSON has no 64-bit integers). */
export type AmountsAsText<T> = { [K in keyof T]: T[K] extends bigint ? string : T[K] };

export const amountsAsText = <T extends object>(row: T): AmountsAsText<T> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v])) as AmountsAsText<T>;
