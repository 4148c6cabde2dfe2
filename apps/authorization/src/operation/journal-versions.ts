import type { JournalVersion } from './journal-row.mapper';

/** More attempts than this in flight in one process is not a register's load: the oldest are forgotten. */
const MAX_TRACKED = 10_000;

/**
 * The version of each attempt this process journaled and has not finished: the outcome can then
 * be recorded in one call, conditional on that version, without reading the row again. Only a
 * shortcut: an attempt not tracked here (another process, a prompt in between, forgotten) takes
 * the transaction path, and a version another writer changed makes the one call write nothing.
 */
export class JournalVersions {
  private readonly byId = new Map<string, JournalVersion>();

  get(id: string): JournalVersion | undefined {
    return this.byId.get(id);
  }

  set(id: string, version: JournalVersion): void {
    this.byId.delete(id);
    this.byId.set(id, version);
    if (this.byId.size > MAX_TRACKED) this.byId.delete(this.byId.keys().next().value as string);
  }

  forget(id: string): void {
    this.byId.delete(id);
  }
}
