import { IsUUID } from 'class-validator';

import { FollowUpAmountDto } from '../../follow-ups/dto/follow-up.dto';

/** CompleteRequest: the REST completion body plus the preauthorization REST takes from the path. */
export class CompleteRequestDto extends FollowUpAmountDto {
  @IsUUID('all', { message: 'preauthorizationId must be a UUID' })
  preauthorizationId!: string;
}
