/**
 * What the caller knows before the first line: everything the header and the file name need.
 * The writer never reads the clock, so the same context and details give the same bytes.
 */
export interface FileContext {
  /** The business day the file is for, `YYYY-MM-DD`. */
  readonly businessDay: string;
  /** When the file was (first) made; a re-generation passes the original moment. */
  readonly createdAt: Date;
  /** The file sequence number (per acquirer, say); a non-negative integer. */
  readonly sequence: number | bigint;
  /** Header and trailer `value` fields, and `{KEY}` in the file name, by key. */
  readonly values?: Readonly<Record<string, unknown>>;
}
