import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ArchivingFileDelivery, type FileDelivery, FolderFileDelivery, SftpFileDelivery } from '@payments/file-delivery';

import type { RegistryDeliveryConfig } from './registries-env';

/** Builds the registries' destination; a spec swaps in one that fails. */
export type RegistryDeliveryFactory = (config: RegistryDeliveryConfig, registriesDir: string) => FileDelivery;

/**
 * The registries' destination behind a local archive (`<dir>/archive`): every registry and its
 * signature kept (with a `.sha256` beside each) before it is sent. The SFTP key is read from its
 * file at each delivery.
 */
export const registryDelivery: RegistryDeliveryFactory = (config, registriesDir) => {
  const inner =
    config.kind === 'folder'
      ? new FolderFileDelivery({ root: config.path })
      : new SftpFileDelivery({
          host: config.host,
          port: config.port,
          username: config.username,
          privateKey: readFileSync(config.privateKeyPath),
          hostKey: { sha256: config.hostKeySha256 },
          root: config.root,
        });
  return new ArchivingFileDelivery(inner, join(registriesDir, 'archive'));
};
