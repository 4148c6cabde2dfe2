import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ArchivingFileDelivery, type FileDelivery, FolderFileDelivery, SftpFileDelivery } from '@payments/file-delivery';

import type { FileDeliveryConfig } from './config/settlement-files-env';

/**
 * The acquirer's destination behind a local archive (`<filesDir>/archive/<acquirer>`): every file
 * is kept with its SHA-256 before it is sent. The SFTP key is read from its file at each delivery.
 */
export function acquirerFileDelivery(acquirerId: string, config: FileDeliveryConfig, filesDir: string): FileDelivery {
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
  return new ArchivingFileDelivery(inner, join(filesDir, 'archive', acquirerId));
}
