import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One refused field of a 400 (see createValidationPipe). */
export class ApiFieldProblem {
  @ApiProperty({ example: 'card.ksn' })
  field!: string;

  @ApiProperty({ example: 'ksn must be 20 uppercase hex digits' })
  problem!: string;
}

/**
 * The body of every error response, for OpenAPI. Refusals before any work (400, 401, 404, 409,
 * 410) carry statusCode, error and message; an operation that was journaled and then refused or
 * left unknown (422, 504) carries its transactionId and status instead of statusCode.
 */
export class ApiErrorBody {
  @ApiPropertyOptional({ example: 400, description: 'the HTTP status (refusals before any work)' })
  statusCode?: number;

  @ApiPropertyOptional({ example: 'Bad Request' })
  error?: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['amount: amount must be an integer number of minor units (a JSON number such as 1250)'],
    description: 'what went wrong; a 400 lists one `<field>: <what it expects>` line per refused field',
  })
  message!: string | string[];

  @ApiPropertyOptional({ type: [ApiFieldProblem], description: '400 only: the refused fields, by path' })
  fields?: ApiFieldProblem[];

  @ApiPropertyOptional({ format: 'uuid', description: '422 and 504: the operation, as journaled' })
  transactionId?: string;

  @ApiPropertyOptional({ example: 'rejected', description: "422: 'rejected' (a broken rule, nothing changed); 504: 'unknown'" })
  status?: string;
}
