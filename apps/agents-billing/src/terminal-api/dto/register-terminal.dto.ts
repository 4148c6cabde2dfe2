import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, IsUUID, Length, Matches } from 'class-validator';

import { TERMINAL_ID, TERMINAL_ID_RULE } from '../agent-terminal';

export class RegisterTerminalDto {
  @ApiProperty({
    example: 'kiosk-prague-001',
    description: "the terminal's id, sent by it in X-Terminal-Id: 1-64 letters, digits, dots, dashes or underscores",
  })
  @Matches(TERMINAL_ID, { message: TERMINAL_ID_RULE })
  @IsString({ message: 'id must be a string' })
  @IsDefined({ message: "id is required (the terminal's id)" })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'the node the terminal pays for (an agent or sub-agent, or a dealer)' })
  @IsUUID('all', { message: 'nodeId must be a UUID' })
  @IsDefined({ message: 'nodeId is required (the node the terminal pays for)' })
  nodeId!: string;

  @ApiProperty({
    example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n',
    description: "the terminal's Ed25519 public key, PEM (SPKI)",
  })
  @Length(1, 1000, { message: 'publicKey must be 1-1000 characters of PEM' })
  @IsString({ message: 'publicKey must be a string (PEM)' })
  @IsDefined({ message: "publicKey is required (the terminal's Ed25519 public key, PEM)" })
  publicKey!: string;
}
