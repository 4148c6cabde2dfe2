import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsEmail, IsIn, IsInt, IsOptional, IsUrl, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

import { MinorUnits } from '../../../tree/dto/minor-units.decorator';
import { ALERT_KINDS, type AlertKind } from '../../alert';
import { MAX_RECIPIENTS } from '../../rules/alert-rule';

const RECIPIENT_TYPES = ['email', 'webhook', 'dealer'] as const;
const WEBHOOK_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class AlertRecipientDto {
  @ApiProperty({
    enum: RECIPIENT_TYPES,
    description: "email: an operator's mailbox; webhook: a URL POSTed to; dealer: the alert's node's dealer (its alert contact)",
  })
  @IsIn(RECIPIENT_TYPES, { message: `type must be one of ${RECIPIENT_TYPES.join(', ')}` })
  type!: (typeof RECIPIENT_TYPES)[number];

  @ApiProperty({ required: false, example: 'ops@example.com', description: 'for type email' })
  @ValidateIf((r: AlertRecipientDto) => r.type === 'email')
  @IsEmail({}, { message: 'address must be an email address (type email)' })
  address?: string;

  @ApiProperty({ required: false, example: 'https://ops.example.com/hooks/alerts', description: 'for type webhook: http(s)' })
  @ValidateIf((r: AlertRecipientDto) => r.type === 'webhook')
  @IsUrl(WEBHOOK_URL, { message: 'url must be an http(s) URL (type webhook)' })
  url?: string;
}

const Percent = (field: string, description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: 'integer', minimum: 1, maximum: 100, required: false, description }),
    Max(100, { message: `${field} must be at most 100` }),
    Min(1, { message: `${field} must be at least 1` }),
    IsInt({ message: `${field} must be a whole percent` }),
    IsOptional(),
  );

/** An alert rule, set whole: the kind, optionally the subtree it covers, thresholds and recipients. */
export class AlertRuleDto {
  @ApiProperty({ enum: ALERT_KINDS })
  @IsIn(ALERT_KINDS, { message: `kind must be one of ${ALERT_KINDS.join(', ')}` })
  @IsDefined({ message: `kind is required (one of ${ALERT_KINDS.join(', ')})` })
  kind!: AlertKind;

  @ApiProperty({ required: false, format: 'uuid', description: 'the root of the subtree the rule covers; absent: every node (and the alerts about no node)' })
  @IsUUID('all', { message: 'nodeId must be a UUID' })
  @IsOptional()
  nodeId?: string;

  @MinorUnits('belowAvailable', { min: 1, description: "low-balance: raised while the node's available amount is below this (minor units)" })
  belowAvailable?: number;

  @Percent('creditUsedPercent', 'limit-nearly-used: raised while the drawn credit is at least this percent of the credit limit')
  creditUsedPercent?: number;

  @Percent('dailyUsedPercent', "limit-nearly-used: raised while the day's payments are at least this percent of the daily limit")
  dailyUsedPercent?: number;

  @ApiProperty({ type: [AlertRecipientDto], maxItems: MAX_RECIPIENTS })
  @ValidateNested({ each: true })
  @Type(() => AlertRecipientDto)
  @ArrayMaxSize(MAX_RECIPIENTS, { message: `recipients must be at most ${MAX_RECIPIENTS}` })
  @IsArray({ message: 'recipients must be an array of {type, address|url}' })
  @IsDefined({ message: 'recipients is required (an array; [] records the alerts without telling anyone)' })
  recipients!: AlertRecipientDto[];
}
