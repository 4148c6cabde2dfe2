import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { OperatorEndpoint } from '@payments/runtime';

import { PLATFORM_SIGNING_KEY, type PlatformSigningKey } from './platform-signing-key';

/** The platform's public key, for payees to verify its signed requests. */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents/gateways/signing-key')
export class SigningKeyController {
  constructor(@Inject(PLATFORM_SIGNING_KEY) private readonly key: PlatformSigningKey) {}

  @Get()
  @ApiOperation({ summary: "The platform's Ed25519 public key (PEM) that signs every request to a payee's gateway; generated says it was made at this start" })
  get() {
    return { algorithm: 'Ed25519', publicKey: this.key.publicKeyPem, generated: this.key.generated };
  }
}
