import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import type { ChainVerdict } from '@payments/identity';
import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { AuditLogRepository } from './audit-log.repository';
import { AuditQueryDto } from './dto/operator.dto';

/** The operator audit log, for auditors and admins: read it, and verify its hash chain. */
@ApiTags('operator audit')
@OperatorEndpoint('audit')
@Controller('v1/operator/audit')
export class AuditLogController {
  constructor(private readonly log: AuditLogRepository) {}

  @Get()
  @ApiOperation({ summary: 'Audit lines, newest first, filtered by actor, action, outcome and time; nextCursor pages on' })
  @ApiErrorResponses(400)
  async list(@Query() query: AuditQueryDto): Promise<unknown> {
    const page = await this.log.page({
      actorId: query.actorId,
      action: query.action,
      outcome: query.outcome,
      from: query.from,
      to: query.to,
      beforeSeq: query.cursor === undefined ? undefined : Number(query.cursor),
      limit: query.limit ?? 50,
    });
    return page;
  }

  @Get('verify')
  @ApiOperation({ summary: 'Walk the whole hash chain: intact, or the first line whose content or link does not match' })
  async verify(): Promise<ChainVerdict> {
    return this.log.verify();
  }
}
