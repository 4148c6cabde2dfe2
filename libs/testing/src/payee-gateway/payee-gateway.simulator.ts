import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  answerSubjectOf,
  ed25519PublicKeyOf,
  PAYEE_GATEWAY_PATHS,
  payeeAccountCheckRequestSchema,
  payeePaymentRequestSchema,
  SIGNATURE_HEADER,
  SIGNATURE_MAX_SKEW_MS,
  SIGNATURE_TIMESTAMP_HEADER,
  signatureHolds,
  signMessage,
} from '@payments/contracts';

/**
 * What the simulated payee does with a check or a payment. `ok` and `decline` answer at once;
 * `timeout` does it (a payment IS made) but never answers; `late` does it and answers after `ms`;
 * `unavailable` does nothing and answers 503; `bad-signature` does it and signs its answer with a
 * key that is not the payee's; `redirect` does nothing and answers 307 to `location`; `stale` does
 * it and answers signed with a timestamp `ms` in the past (a replayed answer).
 */
export type PayeeGatewayBehaviour =
  | { readonly kind: 'ok'; readonly holderName?: string }
  | { readonly kind: 'decline'; readonly reason: string; readonly exists?: boolean }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'late'; readonly ms: number }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'bad-signature' }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'stale'; readonly ms: number };

/** Which requests a behaviour is for: the account, the amount (minor units), or both; none = every request. */
export interface PayeeGatewayMatch {
  readonly account?: string;
  readonly amount?: bigint;
}

/** A payment as the payee holds it: decided once per payment id. */
export interface SimulatedPayment {
  readonly paymentId: string;
  readonly account: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly status: 'paid' | 'declined';
  readonly reason?: string;
}

export interface PayeeGatewaySimulatorOptions {
  /** The platform's public key (PEM): every request must carry its valid signature. */
  readonly platformPublicKeyPem: string;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
}

const OK: PayeeGatewayBehaviour = { kind: 'ok' };

/**
 * A payee's gateway over real HTTP (the protocol of `@payments/contracts`' payee-gateway
 * protocol), for tests and demos: verifies the platform's signature on every request (401 when
 * missing, wrong or stale), signs its answers with its own Ed25519 key, and remembers payments by
 * id, so a payment sent again is never paid twice and a status query answers the truth.
 */
export class PayeeGatewaySimulator {
  readonly publicKeyPem: string;
  private readonly privateKey: KeyObject;
  private readonly strangerKey = generateKeyPairSync('ed25519').privateKey;
  private readonly platformKey: KeyObject;
  private readonly held = new Map<string, SimulatedPayment>();
  private rules: { match: PayeeGatewayMatch; behaviour: PayeeGatewayBehaviour }[] = [];
  private fallback: PayeeGatewayBehaviour = OK;
  private server: Server | undefined;
  private port = 0;
  /** Payment requests received (signed ones), repeats included. */
  payRequests = 0;
  /** Payments actually made (a new payment id paid): never more than one per id. */
  payouts = 0;
  /** Requests refused for their signature. */
  refusedRequests = 0;

  constructor(private readonly options: PayeeGatewaySimulatorOptions) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.platformKey = ed25519PublicKeyOf(options.platformPublicKeyPem);
    this.port = options.port ?? 0;
  }

  get url(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.port}`;
  }

  async start(): Promise<{ url: string }> {
    if (this.server) return { url: this.url };
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { url: this.url };
  }

  /** Closes the listener and every connection: requests are refused at connect until `start()` again (same port). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** This behaviour for the requests matching; the first added match wins. */
  on(match: PayeeGatewayMatch, behaviour: PayeeGatewayBehaviour): this {
    this.rules.push({ match, behaviour });
    return this;
  }

  setDefault(behaviour: PayeeGatewayBehaviour): this {
    this.fallback = behaviour;
    return this;
  }

  /** Forgets the rules (payments stay: the payee's books do not change). */
  resetBehaviours(): void {
    this.rules = [];
    this.fallback = OK;
  }

  payment(paymentId: string): SimulatedPayment | undefined {
    return this.held.get(paymentId);
  }

  private behaviourFor(account: string, amount: bigint | undefined): PayeeGatewayBehaviour {
    const rule = this.rules.find(
      ({ match }) => (match.account === undefined || match.account === account) && (match.amount === undefined || match.amount === amount),
    );
    return rule?.behaviour ?? this.fallback;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const answer: Answer = (status, payload, key = this.privateKey, how = {}) => this.answer(res, path, status, payload, key, how);
    if (!this.signedByPlatform(req, method, path, body)) {
      this.refusedRequests += 1;
      return answer(401, { error: `${SIGNATURE_HEADER}: missing, stale or not the platform's signature` });
    }
    if (method === 'POST' && path === PAYEE_GATEWAY_PATHS.accountCheck) return this.check(body, answer);
    if (method === 'POST' && path === PAYEE_GATEWAY_PATHS.payments) return this.pay(body, answer);
    const paymentId =
      method === 'GET' && path.startsWith(`${PAYEE_GATEWAY_PATHS.payments}/`)
        ? decodeURIComponent(path.slice(PAYEE_GATEWAY_PATHS.payments.length + 1))
        : undefined;
    if (paymentId === undefined) return answer(404, { error: `no route ${method} ${path}` });
    const held = this.held.get(paymentId);
    return held ? answer(200, answerOf(held)) : answer(404, { paymentId, status: 'not_found' });
  }

  private check(body: string, answer: Answer): void {
    const request = payeeAccountCheckRequestSchema.safeParse(parseJson(body));
    if (!request.success) return answer(400, { error: request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const { account, amount } = request.data;
    const behaviour = this.behaviourFor(account, amount === undefined ? undefined : BigInt(amount));
    const outcome =
      behaviour.kind === 'decline'
        ? { exists: behaviour.exists ?? false, payable: false, reason: behaviour.reason }
        : { exists: true, payable: true, holderName: behaviour.kind === 'ok' ? (behaviour.holderName ?? 'J. Payer') : 'J. Payer' };
    this.deliver(behaviour, (how) => answer(200, outcome, how?.key, how), answer);
  }

  private pay(body: string, answer: Answer): void {
    const request = payeePaymentRequestSchema.safeParse(parseJson(body));
    if (!request.success) return answer(400, { error: request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    this.payRequests += 1;
    const { paymentId, account, currency } = request.data;
    const amount = BigInt(request.data.amount);
    const behaviour = this.behaviourFor(account, amount);
    if (behaviour.kind === 'unavailable') return answer(503, { error: 'payee system unavailable' });
    if (behaviour.kind === 'redirect') return answer(307, { error: 'moved' }, undefined, { location: behaviour.location });
    let held = this.held.get(paymentId);
    if (held && (held.account !== account || held.amount !== amount || held.currency !== currency)) {
      return answer(409, { error: `paymentId: ${paymentId} was sent before with another body` });
    }
    if (!held) {
      // Decided and recorded before any await: concurrent repeats of an id find it here.
      held =
        behaviour.kind === 'decline'
          ? { paymentId, account, amount, currency, status: 'declined', reason: behaviour.reason }
          : { paymentId, account, amount, currency, status: 'paid' };
      this.held.set(paymentId, held);
      if (held.status === 'paid') this.payouts += 1;
    }
    const payment = held;
    this.deliver(behaviour, (how) => answer(200, answerOf(payment), how?.key, how), answer);
  }

  /** Answers as the behaviour says: at once, late, never, signed with a stranger's key or an old timestamp, or redirected. */
  private deliver(behaviour: PayeeGatewayBehaviour, reply: (how?: AnswerOptions) => void, answer: Answer): void {
    switch (behaviour.kind) {
      case 'timeout':
        return; // the connection stays open until the client gives up or the simulator stops
      case 'late':
        setTimeout(() => reply(), behaviour.ms).unref();
        return;
      case 'unavailable':
        return answer(503, { error: 'payee system unavailable' });
      case 'bad-signature':
        return reply({ key: this.strangerKey });
      case 'stale':
        return reply({ ageMs: behaviour.ms });
      case 'redirect':
        return answer(307, { error: 'moved' }, undefined, { location: behaviour.location });
      case 'ok':
      case 'decline':
        return reply();
    }
  }

  private signedByPlatform(req: IncomingMessage, method: string, path: string, body: string): boolean {
    const timestamp = req.headers[SIGNATURE_TIMESTAMP_HEADER];
    const signature = req.headers[SIGNATURE_HEADER];
    if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
    const sent = Date.parse(timestamp);
    if (Number.isNaN(sent) || Math.abs(Date.now() - sent) > SIGNATURE_MAX_SKEW_MS) return false;
    return signatureHolds(this.platformKey, { subject: method, path, timestamp, body }, signature);
  }

  private answer(res: ServerResponse, path: string, status: number, payload: unknown, key: KeyObject, how: AnswerOptions): void {
    if (res.writableEnded || res.destroyed) return;
    const body = JSON.stringify(payload);
    const timestamp = new Date(Date.now() - (how.ageMs ?? 0)).toISOString();
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(how.location ? { location: how.location } : {}),
      [SIGNATURE_TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signMessage(key, { subject: answerSubjectOf(status), path, timestamp, body }),
    });
    res.end(body);
  }
}

/** How an answer departs from the protocol: signed with another key, signed `ageMs` ago, a redirect's `location`. */
interface AnswerOptions {
  readonly key?: KeyObject;
  readonly ageMs?: number;
  readonly location?: string;
}

type Answer = (status: number, payload: unknown, key?: KeyObject, how?: AnswerOptions) => void;

function answerOf(payment: SimulatedPayment) {
  return { paymentId: payment.paymentId, status: payment.status, ...(payment.reason ? { reason: payment.reason } : {}) };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
