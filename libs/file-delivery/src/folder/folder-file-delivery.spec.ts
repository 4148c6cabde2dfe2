import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describeFileDeliveryContract } from '../file-delivery.contract';
import { FolderFileDelivery } from './folder-file-delivery';

describe(FolderFileDelivery.name, () => {
  const root = mkdtempSync(join(tmpdir(), 'folder-delivery-'));

  describeFileDeliveryContract(() => ({ sut: new FolderFileDelivery({ root }), landedRoot: root }));
});
