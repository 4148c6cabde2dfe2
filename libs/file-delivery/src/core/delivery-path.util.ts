import { randomBytes } from 'node:crypto';

import { InvalidDeliveryNameError } from '../file-delivery.errors';
import type { DeliveryTarget } from '../file-delivery.port';

// Printable, no path separators, no leading dot (reserved for transfers in progress), no '..'.
const namePattern = /^[A-Za-z0-9_][A-Za-z0-9._+=@,-]*$/;
const maxNameLength = 200;

export function assertFileName(name: string): void {
  if (name.length === 0 || name.length > maxNameLength) throw new InvalidDeliveryNameError(name, `a name has 1 to ${maxNameLength} characters`);
  if (!namePattern.test(name)) throw new InvalidDeliveryNameError(name, 'letters, digits and . _ + = @ , - only, not starting with a dot');
}

/** '' is the destination's root; otherwise names joined by single '/' (no leading or trailing one). */
export function assertFolder(folder: string): void {
  if (folder === '') return;
  for (const segment of folder.split('/')) {
    if (segment === '') throw new InvalidDeliveryNameError(folder, "empty segment (a leading, trailing or doubled '/')");
    assertFileName(segment);
  }
}

/** The target's path relative to the destination's root; validates both parts. */
export function deliveryPathOf(target: DeliveryTarget): string {
  assertFolder(target.folder);
  assertFileName(target.name);
  return joinDeliveryPath(target.folder, target.name);
}

export function joinDeliveryPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** A transfer in progress: hidden (leading dot) and unique, beside the final name so a rename moves it. */
export function transferPathOf(target: DeliveryTarget): string {
  return joinDeliveryPath(target.folder, `.${target.name}.${randomBytes(6).toString('hex')}.part`);
}

/** What list() shows: complete files only, never a transfer in progress. */
export function isDeliveredName(name: string): boolean {
  return namePattern.test(name) && name.length <= maxNameLength;
}
