import { Inject, Injectable } from '@nestjs/common';

import { PAYEE_GATEWAY, type GatewayCheckResult, type GatewayUnknownCause, type PayeeGateway } from '../gateways/payee-gateway';
import { PayeeGatewayHealth } from '../gateways/payee-gateway-health';
import type { Payee } from './payee';
import { payeeCheck, type PayeeCheck, type PayeeCheckRequest } from './payee-check';

export type AccountCheckOutcome =
  /** Decided by the local rules: the payee has no gateway, or the rules refused before asking it. */
  | { readonly kind: 'local'; readonly check: PayeeCheck }
  /** The rules passed and the payee's gateway answered (signed, verified). */
  | { readonly kind: 'online'; readonly fee: bigint | null; readonly answer: Extract<GatewayCheckResult, { kind: 'answered' }> }
  /** The rules passed but the gateway gave no trusted answer. */
  | { readonly kind: 'gateway_failed'; readonly cause: GatewayUnknownCause };

/** The payee check: the local rules first, then (for a payee with a gateway) the payee's own answer online. */
@Injectable()
export class PayeeAccountCheckUseCase {
  constructor(
    @Inject(PAYEE_GATEWAY) private readonly gateway: PayeeGateway,
    private readonly health: PayeeGatewayHealth,
  ) {}

  async execute(payee: Payee, asked: PayeeCheckRequest): Promise<AccountCheckOutcome> {
    const local = payeeCheck(payee, asked);
    if (!local.payable || !payee.gateway) return { kind: 'local', check: local };
    const request = { account: asked.account, currency: payee.currency, ...(asked.amount === undefined ? {} : { amount: asked.amount }) };
    const answer = await this.health.observe(payee.id, payee.gateway, await this.gateway.checkAccount(payee.gateway, request));
    if (answer.kind === 'unknown') return { kind: 'gateway_failed', cause: answer.cause };
    return { kind: 'online', fee: local.fee, answer };
  }
}
