export * from './file-delivery.port';
export * from './file-delivery.errors';

export type { DeliveryVerification } from './core/store-file-delivery.base';
export { FolderFileDelivery, type FolderFileDeliveryOptions } from './folder/folder-file-delivery';
export { SftpFileDelivery, type SftpFileDeliveryOptions } from './sftp/sftp-file-delivery';
export { hostKeySha256Of } from './sftp/sftp-host-key.util';
export { ArchivingFileDelivery } from './archive/archiving-file-delivery';
export { fileDeliveryConfigSchema, type FileDeliveryConfig, fileDeliveryOf } from './config/file-delivery.config';
