import { readFileSync } from 'node:fs';

import { z } from 'zod';

import type { FileDelivery } from '../file-delivery.port';
import { FolderFileDelivery } from '../folder/folder-file-delivery';
import { SftpFileDelivery } from '../sftp/sftp-file-delivery';

const folderDeliverySchema = z.strictObject({
  kind: z.literal('folder'),
  /** The folder the receiver (or a pickup job) takes files from. */
  path: z.string().min(1),
});

const sftpDeliverySchema = z.strictObject({
  kind: z.literal('sftp'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(22),
  username: z.string().min(1),
  /** A file holding the private key (read at each delivery; the key itself never sits in the env). */
  privateKeyPath: z.string().min(1),
  /** The server's host key as `ssh-keygen -l` prints it ('SHA256:…'). */
  hostKeySha256: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'expected a fingerprint "SHA256:…" as ssh-keygen -l prints it'),
  /** A folder on the server, relative to where a session starts ('' by default). */
  root: z.string().default(''),
});

/** Where files go, as configuration takes it: `{kind: 'folder', path}` or `{kind: 'sftp', host, port, username, privateKeyPath, hostKeySha256, root}`. */
export const fileDeliveryConfigSchema = z.discriminatedUnion('kind', [folderDeliverySchema, sftpDeliverySchema]);
export type FileDeliveryConfig = z.infer<typeof fileDeliveryConfigSchema>;

/** The destination a configuration names; the SFTP key is read from its file now (each delivery builds its own). */
export function fileDeliveryOf(config: FileDeliveryConfig): FileDelivery {
  if (config.kind === 'folder') return new FolderFileDelivery({ root: config.path });
  return new SftpFileDelivery({
    host: config.host,
    port: config.port,
    username: config.username,
    privateKey: readFileSync(config.privateKeyPath),
    hostKey: { sha256: config.hostKeySha256 },
    root: config.root,
  });
}
