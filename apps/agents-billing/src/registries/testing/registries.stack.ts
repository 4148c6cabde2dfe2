import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

import { hostKeySha256Of } from '@payments/file-delivery';
import type { SqlConnection } from '@payments/persistence';

import { AlertSignals } from '../../alerts/alert-signals';
import { PayeeRepository } from '../../payees/payee.repository';
import { DeliverRegistryUseCase } from '../deliver-registry.usecase';
import { MakeRegistryUseCase } from '../make-registry.usecase';
import { RegistriesWorker } from '../registries.worker';
import { loadRegistriesEnv, type RegistryDeliveryConfig } from '../registries-env';
import { registryDelivery, type RegistryDeliveryFactory } from '../registry-delivery';
import { RegistryRepository } from '../registry.repository';
import { RegistrySettingsRepository } from '../registry-settings.repository';
import { RegistrySigner } from '../registry-signer';

const made: string[] = [];

/** A temporary folder, removed by removeRegistryFolders(). */
export function registryFolder(prefix = 'registries-'): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  made.push(path);
  return path;
}

export function removeRegistryFolders(): void {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
}

// The OpenSSH server scripts/infra/up.sh runs; the defaults are what scripts/infra/env.sh exports.
const sshdDir = resolve(__dirname, '../../../../../.infra/sshd');

/** The test sshd (SFTP only, key login, host key pinned) and the folder its sessions start in, where files land. */
export function testSftp(): { delivery: Extract<RegistryDeliveryConfig, { kind: 'sftp' }>; landedRoot: string } {
  const knownHosts = readFileSync(process.env.SFTP_KNOWN_HOSTS_PATH ?? join(sshdDir, 'known_hosts'), 'utf8');
  return {
    delivery: {
      kind: 'sftp',
      host: process.env.SFTP_HOST ?? '127.0.0.1',
      port: Number(process.env.SFTP_PORT ?? 2222),
      username: process.env.SFTP_USER ?? userInfo().username,
      privateKeyPath: process.env.SFTP_PRIVATE_KEY_PATH ?? join(sshdDir, 'client_ed25519'),
      hostKeySha256: hostKeySha256Of(knownHosts),
      root: '',
    },
    landedRoot: process.env.SFTP_ROOT ?? join(sshdDir, 'root'),
  };
}

export interface RegistriesStackOptions {
  /** Where registries go (default: a folder of its own). */
  readonly delivery?: RegistryDeliveryConfig;
  /** The archive and work folder (default: a folder of its own). */
  readonly dir?: string;
  readonly deliveryOf?: RegistryDeliveryFactory;
}

/** The registries feature over one database as the module wires it (a new stack is a restarted process). */
export function registriesStack(db: SqlConnection, options: RegistriesStackOptions = {}) {
  const dir = options.dir ?? registryFolder();
  const env = loadRegistriesEnv({
    AGENTS_BILLING_REGISTRIES_DIR: dir,
    AGENTS_BILLING_REGISTRY_DELIVERY: JSON.stringify(options.delivery ?? { kind: 'folder', path: join(dir, 'outgoing') }),
    AGENTS_BILLING_REGISTRIES_RETRY_MS: '1000',
  });
  const signer = new RegistrySigner(env.signingKeyPem);
  const alerts = new AlertSignals(db);
  const settings = new RegistrySettingsRepository(db);
  const registries = new RegistryRepository(db);
  const make = new MakeRegistryUseCase(db, settings, registries, new PayeeRepository(db), signer);
  const deliver = new DeliverRegistryUseCase(registries, settings, make, alerts, env, options.deliveryOf ?? registryDelivery);
  return { env, dir, signer, settings, registries, make, deliver, worker: new RegistriesWorker(settings, registries, make, deliver, alerts, env) };
}
export type RegistriesStack = ReturnType<typeof registriesStack>;
