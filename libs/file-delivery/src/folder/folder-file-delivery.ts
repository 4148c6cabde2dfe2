import { resolve } from 'node:path';

import { deliveryPathOf } from '../core/delivery-path.util';
import type { DeliveryStore } from '../core/delivery-store';
import { type DeliveryVerification, StoreFileDelivery } from '../core/store-file-delivery.base';
import type { DeliveryTarget } from '../file-delivery.port';
import { FolderStore } from './folder.store';

export interface FolderFileDeliveryOptions {
  /** The destination's root; folders under it are made on first delivery. */
  readonly root: string;
  readonly verification?: DeliveryVerification;
}

/** The embedded mode's destination: a local folder (a mounted share, or what a pickup job watches). */
export class FolderFileDelivery extends StoreFileDelivery {
  readonly destination: string;
  private readonly store: FolderStore;

  constructor(options: FolderFileDeliveryOptions) {
    super(options.verification ?? 'size');
    const root = resolve(options.root);
    this.destination = `folder ${root}`;
    this.store = new FolderStore(root);
  }

  /** Where a delivered file is on this machine. */
  localPathOf(target: DeliveryTarget): string {
    return this.store.localPathOf(deliveryPathOf(target));
  }

  protected withStore<T>(work: (store: DeliveryStore) => Promise<T>): Promise<T> {
    return work(this.store);
  }
}
