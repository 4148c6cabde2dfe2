import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { ApiErrorBody, ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { ImportStatementQueryDto } from './dto/import-statement-query.dto';
import { StatementsQueryDto } from './dto/statements-query.dto';
import { ImportStatementFileUseCase } from './import-statement-file.usecase';
import { STATEMENT_CONTENT_TYPES, STATEMENT_MAX_BYTES } from './statement-import.tokens';
import { StatementImportRepository } from './statement-import.repository';
import {
  EntryResponse,
  entryResponseOf,
  StatementImportResponse,
  statementImportResponseOf,
  StatementResponse,
  statementResponseOf,
} from './statement-import.response';
import { operatorKeyIdOf, readUploadedFile } from '../http/uploaded-file.reader';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement/statements')
export class StatementsController {
  constructor(
    private readonly importFile: ImportStatementFileUseCase,
    private readonly imports: StatementImportRepository,
    @Inject(STATEMENT_MAX_BYTES) private readonly maxBytes: number,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Import a bank statement file (its bytes as the body): every statement checked (balance under its account's bank profile, its own totals, account, " +
      'currency, duplicates, sequence gaps) and all stored in one transaction, or none. 201 when imported; 200 with the first import for the identical file again',
  })
  @ApiConsumes(...STATEMENT_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'the statement file as the bank sent it (UTF-8)' })
  @ApiResponse({ status: 201, description: 'Imported: the import with each statement, its balances and booked sums (amounts as decimal text).' })
  @ApiResponse({ status: 200, description: 'The identical file was imported before: that import, unchanged. Nothing was stored.' })
  @ApiErrorResponses(400, 422)
  @ApiResponse({
    status: 409,
    description:
      'Another file already brought one of its statements, or this file was imported in another format: originalImportId names that import. Nothing was stored.',
    type: ApiErrorBody,
  })
  @ApiResponse({ status: 413, description: 'The file is larger than SETTLEMENT_STATEMENT_MAX_BYTES.', type: ApiErrorBody })
  @ApiResponse({ status: 415, description: 'The body is not sent as one of the file content types.', type: ApiErrorBody })
  async import(
    @Query() query: ImportStatementQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StatementImportResponse> {
    const file = await readUploadedFile(request, {
      contentTypes: STATEMENT_CONTENT_TYPES,
      maxBytes: this.maxBytes,
      maxBytesSetting: 'SETTLEMENT_STATEMENT_MAX_BYTES',
      what: 'the statement file',
    });
    const outcome = await this.importFile.execute({
      file,
      format: query.format,
      fileName: query.fileName,
      importedBy: operatorKeyIdOf(request) ?? undefined,
      allowGap: query.allowGap && query.gapReason ? { reason: query.gapReason } : undefined,
    });
    switch (outcome.kind) {
      case 'imported':
        response.status(outcome.created ? 201 : 200);
        return statementImportResponseOf(outcome.statementImport);
      case 'malformed':
        throw new BadRequestException(`file: ${outcome.message}`);
      case 'duplicate':
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `${outcome.reason}; nothing was stored`,
          originalImportId: outcome.originalImportId,
        });
      case 'refused':
        throw new UnprocessableEntityException([...outcome.reasons]);
      case 'sequence_gap':
        throw new UnprocessableEntityException([...outcome.reasons, 'to import past the gap, repeat with allowGap=true and a gapReason']);
    }
  }

  @Get()
  @ApiOperation({ summary: 'Imported statements with their balances and booked sums, newest import first' })
  @ApiErrorResponses(400)
  async list(@Query() query: StatementsQueryDto): Promise<StatementResponse[]> {
    return (await this.imports.listStatements({ bankAccountId: query.bankAccountId }, query.limit ?? 50)).map(statementResponseOf);
  }

  @Get('imports/:importId')
  @ApiOperation({ summary: 'One import (a file) with its statements, as the import answered (the 409 of a duplicate names it)' })
  @ApiErrorResponses(400, 404)
  async oneImport(@Param('importId', uuidParam('importId')) importId: string): Promise<StatementImportResponse> {
    const statementImport = await this.imports.findImport(importId);
    if (!statementImport) throw new NotFoundException(`importId: no import ${importId}`);
    return statementImportResponseOf(statementImport);
  }

  @Get(':statementId')
  @ApiOperation({ summary: 'One imported statement with its entries' })
  @ApiErrorResponses(400, 404)
  async one(@Param('statementId', uuidParam('statementId')) statementId: string): Promise<StatementResponse & { entries: EntryResponse[] }> {
    const statement = await this.imports.findStatement(statementId);
    if (!statement) throw new NotFoundException(`statementId: no statement ${statementId}`);
    return { ...statementResponseOf(statement), entries: (await this.imports.findEntries(statementId)).map(entryResponseOf) };
  }
}
