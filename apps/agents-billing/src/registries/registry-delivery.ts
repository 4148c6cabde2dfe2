import { join } from 'node:path';

import { ArchivingFileDelivery, type FileDelivery, fileDeliveryOf } from '@payments/file-delivery';

import type { RegistryDeliveryConfig } from './registries-env';

/** Builds the registries' destination; a spec swaps in one that fails. */
export type RegistryDeliveryFactory = (config: RegistryDeliveryConfig, registriesDir: string) => FileDelivery;

/**
 * The registries' destination behind a local archive (`<dir>/archive`): every registry and its
 * signature kept (with a `.sha256` beside each) before it is sent. The SFTP key is read from its
 * file at each delivery.
 */
export const registryDelivery: RegistryDeliveryFactory = (config, registriesDir) =>
  new ArchivingFileDelivery(fileDeliveryOf(config), join(registriesDir, 'archive'));
