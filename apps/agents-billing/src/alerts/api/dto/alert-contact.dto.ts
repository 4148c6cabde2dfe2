import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsUrl } from 'class-validator';

/** Where a node (as a dealer: for the rules' "dealer" recipient) is told; absent fields are cleared. */
export class AlertContactDto {
  @ApiProperty({ required: false, nullable: true, example: 'dealer-north@example.com' })
  @IsEmail({}, { message: 'email must be an email address' })
  @IsOptional()
  email?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'https://dealer-north.example.com/alerts' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'webhookUrl must be an http(s) URL' })
  @IsOptional()
  webhookUrl?: string | null;
}
