import { join } from 'node:path';

import { ArchivingFileDelivery, type FileDelivery, fileDeliveryOf } from '@payments/file-delivery';

import type { FileDeliveryConfig } from './config/settlement-files-env';

/**
 * The acquirer's destination behind a local archive (`<filesDir>/archive/<acquirer>`): every file
 * is kept with its SHA-256 before it is sent. The SFTP key is read from its file at each delivery.
 */
export function acquirerFileDelivery(acquirerId: string, config: FileDeliveryConfig, filesDir: string): FileDelivery {
  return new ArchivingFileDelivery(fileDeliveryOf(config), join(filesDir, 'archive', acquirerId));
}
