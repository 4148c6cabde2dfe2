import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

import { transferResponseOf } from './acquirer-transfer.response';
import type { ImportAcquirerTransferOutcome } from './import-acquirer-transfer.usecase';

/** An import's answer: the transfer with its outcomes, or the refusal naming `field` (the JSON body's `content`, or the uploaded `file`). */
export function transferAnswerOf(outcome: ImportAcquirerTransferOutcome, acquirerId: string, field: 'content' | 'file') {
  switch (outcome.kind) {
    case 'imported':
      return transferResponseOf(outcome.transfer, new Date());
    case 'unknown_acquirer':
      throw new NotFoundException(`acquirerId: acquirer "${outcome.acquirerId}" is neither configured nor seen in any transaction`);
    case 'refused_file':
      throw new UnprocessableEntityException(`${field}: the transfer file was refused, nothing was stored: ${outcome.reason}`);
    case 'transfer_already_imported':
      throw new ConflictException(
        `${field}: transfer ${outcome.transferReference} of acquirer "${acquirerId}" was already imported by import ${outcome.earlierTransferId} from another file`,
      );
  }
}
