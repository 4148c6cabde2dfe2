import { textStream } from '../core/sha256.util';
import type { DeliveredFile, DeliveryReceipt, DeliverySource, DeliveryTarget, FetchedFile, FileDelivery } from '../file-delivery.port';
import { FolderFileDelivery } from '../folder/folder-file-delivery';

/**
 * Keeps every delivered file in a local archive folder, under the same folder and name, with
 * '<name>.sha256' beside it in sha256sum's format (so `sha256sum -c` checks it). The archive is
 * written first and the archived copy is what gets sent: a stream is read once, and what the
 * archive holds is byte for byte what the receiver got. The archive follows the same rules as a
 * destination: a name archived with other bytes is refused before anything is sent.
 */
export class ArchivingFileDelivery implements FileDelivery {
  readonly destination: string;
  private readonly archive: FolderFileDelivery;

  constructor(
    private readonly inner: FileDelivery,
    archiveRoot: string,
  ) {
    this.destination = inner.destination;
    this.archive = new FolderFileDelivery({ root: archiveRoot });
  }

  async deliver(source: DeliverySource, target: DeliveryTarget): Promise<DeliveryReceipt> {
    const kept = await this.archive.deliver(source, target);
    await this.archive.deliver({ stream: textStream(`${kept.sha256}  ${target.name}\n`) }, { folder: target.folder, name: `${target.name}.sha256` });
    return this.inner.deliver({ path: this.archive.localPathOf(target) }, target);
  }

  list(folder: string): Promise<DeliveredFile[]> {
    return this.inner.list(folder);
  }

  fetch(target: DeliveryTarget, localPath: string): Promise<FetchedFile> {
    return this.inner.fetch(target, localPath);
  }
}
