import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class TerminalsQueryDto {
  @ApiProperty({ required: false, format: 'uuid', description: 'only the terminals of this node' })
  @IsUUID('all', { message: 'nodeId must be a UUID' })
  @IsOptional()
  nodeId?: string;
}
