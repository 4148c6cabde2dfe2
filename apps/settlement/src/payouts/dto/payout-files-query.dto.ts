import { PickType } from '@nestjs/swagger';

import { JournalFilesQueryDto } from '../../journal-files/dto/journal-files-query.dto';

/** The business day, the file's status (pending, delivered, failed) and the limit, as the journal files take them. */
export class PayoutFilesQueryDto extends PickType(JournalFilesQueryDto, ['businessDay', 'status', 'limit'] as const) {}
