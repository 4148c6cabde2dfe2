import type { Iso8583Message } from '@payments/iso8583';

/** What the simulated acquirer host does with one request. */
export type Behaviour =
  | { kind: 'approve' }
  | { kind: 'decline'; responseCode: string }
  /** Approves part of the amount: DE 39 = 10, the approved amount in DE 4 (prepaid and gift cards). */
  | { kind: 'partial'; approvedMinor: number }
  /** Waits `ms`, then behaves as `then` (answer late, drop late...). */
  | { kind: 'delay'; ms: number; then: Behaviour }
  /** Closes the TCP connection instead of answering. */
  | { kind: 'drop' }
  /** Never answers (issuer unavailable: the client must time out). */
  | { kind: 'silent' };

/** A rule picks a behaviour for a request, or returns undefined to let the next rule decide. */
export type BehaviourRule = (request: Iso8583Message) => Behaviour | undefined;

/** Authorization (01xx) and financial (02xx) requests carry the amount the magic rules read. */
function isPurchaseRequest(mti: string): boolean {
  return (mti[1] === '1' || mti[1] === '2') && mti[2] === '0';
}

/**
 * Magic amounts for demos and tests (DE 4, amount in minor units, on 0100/0200 only):
 * - ends in 51 -> decline 51 (not sufficient funds), e.g. 000000001051 = 10.51
 * - ends in 05 -> decline 05 (do not honour),        e.g. 000000001005 = 10.05
 * - ends in 91 -> silent: no answer (issuer or switch inoperative, the client times out)
 * Any other amount falls through to the next rule or the default (approve).
 */
export const magicAmountRule: BehaviourRule = (request) => {
  const amount = request.fields[4];
  if (!isPurchaseRequest(request.mti) || amount === undefined) return undefined;
  if (amount.endsWith('51')) return { kind: 'decline', responseCode: '51' };
  if (amount.endsWith('05')) return { kind: 'decline', responseCode: '05' };
  if (amount.endsWith('91')) return { kind: 'silent' };
  return undefined;
};

/** ISO 8583 DE 70 network management information codes the simulator tells apart. */
export const SIGN_ON = '001';
export const SIGN_OFF = '002';
export const ECHO_TEST = '301';

/** How the host treats network management requests (0800), by DE 70 code; unset codes are approved. */
export interface NetworkBehaviours {
  signOn?: Behaviour;
  echo?: Behaviour;
}

/** The network management rule: applies the configured behaviour to 0800 sign-on and echo requests. */
export function networkRule(behaviours: NetworkBehaviours): BehaviourRule {
  return (request) => {
    if (request.mti !== '0800') return undefined;
    if (request.fields[70] === SIGN_ON) return behaviours.signOn;
    if (request.fields[70] === ECHO_TEST) return behaviours.echo;
    return undefined;
  };
}

/** First rule that decides wins; otherwise the default. */
export function chooseBehaviour(request: Iso8583Message, rules: readonly BehaviourRule[], fallback: Behaviour): Behaviour {
  for (const rule of rules) {
    const behaviour = rule(request);
    if (behaviour) return behaviour;
  }
  return fallback;
}
