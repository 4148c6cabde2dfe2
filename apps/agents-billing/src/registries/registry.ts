import type { RegistryRecipe } from './registry-file';

/** A payee's registry settings: its layout (a file-layout definition), its folder at the destination, and when a day's registry is due. */
export interface RegistrySettings {
  readonly payeeId: string;
  readonly layout: object;
  /** A folder under the registries' destination ('' for its root). */
  readonly folder: string;
  /** Minutes after midnight UTC of the next day after which a day's registry is made (120: from 02:00 UTC). */
  readonly dueAfterMinute: number;
  /** The first day the worker makes a registry for. */
  readonly fromDay: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type RegistrySettingsInput = Omit<RegistrySettings, 'fromDay' | 'createdAt' | 'updatedAt'> & { readonly fromDay?: string };

/** A registry as recorded at its first making: its recipe, what its bytes came to, its signature and its delivery. */
export interface PayeeRegistry extends RegistryRecipe {
  readonly id: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly byteLength: number;
  readonly lineCount: number;
  readonly total: bigint;
  /** The detached signature of the bytes (delivered as `<fileName>.sig`). */
  readonly signature: Buffer;
  readonly signatureAlgorithm: string;
  readonly signingKeyId: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date;
  readonly deliveredAt: Date | null;
  readonly destination: string | null;
}

export interface RegistryAttempt {
  readonly attemptedAt: Date;
  readonly outcome: 'delivered' | 'already-delivered' | 'failed';
  readonly destination: string;
  readonly error: string | null;
}

const DAY_MS = 86_400_000;

/** The UTC day of a moment, `YYYY-MM-DD`. */
export const utcDayOf = (at: Date): string => at.toISOString().slice(0, 10);

export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

export const nextDay = (day: string): string => utcDayOf(new Date(dayStart(day).getTime() + DAY_MS));

/**
 * How long after a day's end its registry waits (as netting's NETTING_GRACE_MS): a payment whose
 * gateway answered just before midnight is marked posted (at the database's clock) a little after
 * it was decided, and must still be in its day's file.
 */
export const REGISTRY_GRACE_MS = 5 * 60_000;

/** The moment a day's registry can be made: its UTC end plus the grace. */
export const registryOpensAt = (day: string): Date => new Date(dayStart(nextDay(day)).getTime() + REGISTRY_GRACE_MS);

/** A day is over once its UTC end plus the grace has passed: only then can its registry be made. */
export const isDayOver = (day: string, now: Date): boolean => registryOpensAt(day).getTime() <= now.getTime();

/** The last day whose registry is due at `now` (due `dueAfterMinute` after the midnight that ends it, never within the grace). */
export function lastDueDay(now: Date, dueAfterMinute: number): string {
  return utcDayOf(new Date(now.getTime() - Math.max(dueAfterMinute * 60_000, REGISTRY_GRACE_MS) - DAY_MS));
}

/** The subject of a registry's `registry-not-delivered` alert. */
export const registrySubjectOf = (payeeId: string, day: string): string => `${payeeId}/${day}`;

/** 'HH:MM' (UTC) as minutes after midnight; undefined when malformed. */
export function minuteOfDay(time: string): number | undefined {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export const timeOfDay = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
