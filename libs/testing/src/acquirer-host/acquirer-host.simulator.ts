import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

import { frame, FrameDecoder, type FrameHeader, Iso8583Codec, type Iso8583Message, type Iso8583SpecName } from '@payments/iso8583';

import { type Behaviour, type BehaviourRule, chooseBehaviour, magicAmountRule, type NetworkBehaviours, networkRule } from './acquirer-host.behaviour';
import { PinVerifier } from './acquirer-host.pin';
import { buildResponse, HostReferences, responseMti } from './acquirer-host.response';

export interface AcquirerHostSimulatorOptions {
  /** Interface to listen on; loopback by default (tests and the embedded demo). */
  host?: string;
  /** 0 picks a free port; start() returns the one chosen. */
  port?: number;
  spec?: Iso8583SpecName;
  header?: FrameHeader;
  /** Apply the magic-amount rules (see magicAmountRule) after the added rules. Default true. */
  magicAmounts?: boolean;
  /** The zone PIN key (32 hex digits) DE 52 is encrypted under; the public TEST_ZONE_PIN_KEY by default. */
  zonePinKey?: string;
}

const APPROVE: Behaviour = { kind: 'approve' };
const DEFAULT_BALANCE_MINOR = 123_456;

/**
 * A fake acquirer host speaking ISO 8583 over TCP: answers 0100/0200/0220 with 0110/0210/0230,
 * 0400/0420 with 0410/0430, 0800 with 0810. What it answers is chosen per request by the
 * network management settings (refuseSignOn, ignoreEchoes), the PIN check of a request with
 * DE 52 (see PinVerifier), the added rules (first match wins), the magic-amount rules, then the
 * default behaviour.
 */
export class AcquirerHostSimulator {
  /** Every well-formed request received, in arrival order, for assertions. */
  readonly received: Iso8583Message[] = [];
  private readonly codec: Iso8583Codec;
  private readonly header: FrameHeader;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly refs = new HostReferences();
  /** The issuer's PIN check: `pins.setPin(pan, pin)` changes a card's PIN (default 1234). */
  readonly pins: PinVerifier;
  private rules: BehaviourRule[] = [];
  private network: NetworkBehaviours = {};
  private fallback: Behaviour = APPROVE;
  /** The available balance a balance inquiry (DE 3 = 31xxxx) is answered with, in DE 54. */
  balanceMinor = DEFAULT_BALANCE_MINOR;
  private server: Server | undefined;
  private malformedCount = 0;
  private accepted = 0;

  constructor(private readonly options: AcquirerHostSimulatorOptions = {}) {
    this.codec = Iso8583Codec.forSpec(options.spec ?? 'iso87ascii');
    this.header = options.header ?? 'binary2';
    this.pins = new PinVerifier(options.zonePinKey);
  }

  async start(): Promise<{ port: number }> {
    if (this.server) return { port: this.port };
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return { port: this.port };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get port(): number {
    if (!this.server) throw new Error('AcquirerHostSimulator is not started');
    return (this.server.address() as AddressInfo).port;
  }

  /** Frames that could not be decoded (ignored, as a host ignores garbage). */
  get malformed(): number {
    return this.malformedCount;
  }

  /** TCP connections accepted since start or the last reset (a client that reconnects counts again). */
  get connections(): number {
    return this.accepted;
  }

  /** Answers sign-on requests (0800, DE 70 = 001) with this DE 39 instead of 00 (e.g. 91). */
  refuseSignOn(responseCode = '91'): void {
    this.network.signOn = { kind: 'decline', responseCode };
  }

  /** Never answers sign-on requests (the client's sign-on times out). */
  ignoreSignOn(): void {
    this.network.signOn = { kind: 'silent' };
  }

  /** Never answers echo tests (0800, DE 70 = 301): a half-dead link, as the client sees it. */
  ignoreEchoes(): void {
    this.network.echo = { kind: 'silent' };
  }

  setDefault(behaviour: Behaviour): void {
    this.fallback = behaviour;
  }

  addRule(rule: BehaviourRule): void {
    this.rules.push(rule);
  }

  /** Forgets received messages, added rules, network settings, PINs set and wrong PIN tries; the default goes back to approve. */
  reset(): void {
    this.received.length = 0;
    this.rules = [];
    this.network = {};
    this.accepted = 0;
    this.fallback = APPROVE;
    this.malformedCount = 0;
    this.balanceMinor = DEFAULT_BALANCE_MINOR;
    this.pins.reset();
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    this.accepted++;
    const decoder = new FrameDecoder(this.header);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      let frames: Buffer[];
      try {
        frames = decoder.push(chunk);
      } catch {
        socket.destroy(); // the stream is out of sync: nothing after this can be trusted
        return;
      }
      for (const bytes of frames) this.handle(socket, bytes);
    });
  }

  private handle(socket: Socket, bytes: Buffer): void {
    let request: Iso8583Message;
    try {
      request = this.codec.decode(bytes);
    } catch {
      this.malformedCount++;
      return;
    }
    this.received.push(request);
    const network = networkRule(this.network);
    const checks = [network, this.pins.rule, ...this.rules];
    const rules = this.options.magicAmounts === false ? checks : [...checks, magicAmountRule];
    this.apply(socket, request, chooseBehaviour(request, rules, this.fallback));
  }

  private apply(socket: Socket, request: Iso8583Message, behaviour: Behaviour): void {
    switch (behaviour.kind) {
      case 'approve':
      case 'decline':
        return this.answer(socket, request, behaviour.kind === 'approve' ? '00' : behaviour.responseCode);
      case 'partial':
        return this.answer(socket, request, '10', { 4: String(behaviour.approvedMinor).padStart(12, '0') });
      case 'delay': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.apply(socket, request, behaviour.then);
        }, behaviour.ms);
        this.timers.add(timer);
        return;
      }
      case 'drop':
        socket.destroy();
        return;
      case 'silent':
        return;
    }
  }

  private answer(socket: Socket, request: Iso8583Message, responseCode: string, overrides: Record<number, string> = {}): void {
    const mti = responseMti(request.mti);
    if (!mti || socket.destroyed) return;
    const response = buildResponse(request, mti, responseCode, this.refs, { balanceMinor: this.balanceMinor });
    socket.write(frame(this.codec.encode({ mti, fields: { ...response.fields, ...overrides } }), this.header));
  }
}
