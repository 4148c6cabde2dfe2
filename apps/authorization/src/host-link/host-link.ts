import { connect as connectTcp, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import { frame, FrameDecoder, type FrameHeader, Iso8583Codec, Iso8583FormatError, type Iso8583Message, type LeniencyWarning } from '@payments/iso8583';

import { traceHostExchange } from './host-exchange.span';
import { HostLinkDownError, HostLinkError, HostTimeoutError } from './host-link.errors';
import { DEFAULT_BACKOFF, type HostLinkOptions, type HostLinkState } from './host-link.options';
import { NETWORK_CODE, type NetworkCode, networkRequest, networkResponseCode } from './network-management.message';
import { PendingRequestRegistry } from './pending-request.registry';
import { StanSequence } from './stan-rrn';

const STAN = /^[0-9]{6}$/;
const REQUEST_MTI = /^[0-9]{2}[02468][0-9]$/;
const APPROVED = '00';

/**
 * One TCP connection to an acquirer host carrying many ISO 8583 requests at once; each response
 * is matched to its request by STAN (DE 11) + response class. A lost connection fails what is in
 * flight with HostLinkDownError and is re-established in the background (with backoff after
 * failed attempts) or by the next send(). Network management (0800, DE 70): optional sign-on after
 * each connect and sign-off on close, echo tests when idle and on demand.
 */
export class HostLink {
  private readonly codec: Iso8583Codec;
  private readonly header: FrameHeader;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly pending = new PendingRequestRegistry();
  private readonly nextStan: () => Promise<string>;
  private socket: Socket | undefined;
  private connecting: Promise<void> | undefined;
  private current: HostLinkState = 'down';
  private closed = false;
  private closing: Promise<void> | undefined;
  private delayMs: number;
  private nextAttemptAt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private echoTimer: NodeJS.Timeout | undefined;
  private lastTrafficAt = 0;

  constructor(private readonly options: HostLinkOptions) {
    this.codec = Iso8583Codec.forSpec(options.spec ?? 'iso87ascii');
    this.header = options.header ?? 'binary2';
    this.backoff = options.reconnectBackoff ?? DEFAULT_BACKOFF;
    this.delayMs = this.backoff.initialMs;
    const own = new StanSequence();
    this.nextStan = options.nextStan ?? (() => Promise.resolve(own.next()));
  }

  state(): HostLinkState {
    return this.current;
  }

  /** Opens the connection and signs on (shared by concurrent callers); rejects with HostLinkDownError. */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new HostLinkDownError('host link is closed'));
    if (this.current === 'up') return Promise.resolve();
    this.connecting ??= this.attempt().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async send(request: Iso8583Message): Promise<Iso8583Message> {
    if (this.closed) throw new HostLinkDownError('host link is closed');
    const stan = request.fields[11];
    if (typeof stan !== 'string' || !STAN.test(stan)) throw new Iso8583FormatError(11, 0, 'STAN must be 6 digits to match the response');
    if (!REQUEST_MTI.test(request.mti)) throw new Iso8583FormatError(0, 0, 'MTI must be a request or advice (even function digit)');
    const bytes = frame(this.codec.encode(request), this.header);
    return traceHostExchange(request, this.options, async () => {
      await this.ensureUp();
      return this.exchange(this.socket, request, bytes, this.options.responseTimeoutMs);
    });
  }

  /**
   * Echo test (0800, DE 70 = 301) for a connection check. Rejects like send(): HostLinkDownError,
   * HostTimeoutError (the link is then dropped and re-established), HostLinkError when refused.
   */
  async echo(): Promise<{ latencyMs: number }> {
    if (this.closed) throw new HostLinkDownError('host link is closed');
    await this.ensureUp();
    return this.echoTest();
  }

  /**
   * Stops reconnecting, waits (bounded) for in-flight requests, signs off, then closes the connection.
   * Once: a process stopping through two paths (a signal handler and the framework's shutdown hook)
   * gets the same promise, so the host sees one sign-off per link.
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.stopEcho();
    await this.connecting?.catch(() => undefined);
    const boundMs = this.options.closeTimeoutMs ?? this.options.responseTimeoutMs;
    await this.pending.whenDrained(boundMs);
    if (this.options.signOn && this.socket && this.current === 'up') {
      // Best effort: the host may already be gone, and it forgets the session when the connection closes anyway.
      await this.network(this.socket, NETWORK_CODE.signOff, Math.min(boundMs, this.options.responseTimeoutMs)).catch(() => undefined);
    }
    this.pending.rejectAll(new HostLinkDownError('host link closed'));
    const socket = this.socket;
    this.socket = undefined;
    socket?.destroy();
    this.setState('down');
  }

  private async ensureUp(): Promise<void> {
    if (this.current === 'up') return;
    if (!this.connecting && Date.now() < this.nextAttemptAt) {
      throw new HostLinkDownError(`acquirer host link is down; next reconnect attempt in ${this.nextAttemptAt - Date.now()} ms`);
    }
    await this.connect();
  }

  /** Sends one encoded request on `socket` and waits for the response with the same class and STAN. */
  private exchange(socket: Socket | undefined, request: Iso8583Message, bytes: Buffer, timeoutMs: number): Promise<Iso8583Message> {
    if (!socket || socket.destroyed || socket !== this.socket) return Promise.reject(new HostLinkDownError('connection to the acquirer host lost'));
    const stan = request.fields[11] ?? '';
    const key = PendingRequestRegistry.key(PendingRequestRegistry.responseClass(request.mti), stan);
    if (this.pending.has(key)) return Promise.reject(new HostLinkError(`a ${request.mti} with STAN ${stan} is already in flight`));
    return new Promise<Iso8583Message>((resolve, reject) => {
      const timer = setTimeout(() => this.pending.reject(key, new HostTimeoutError(request.mti, stan, timeoutMs)), timeoutMs);
      this.pending.add(key, { resolve, reject, timer });
      this.lastTrafficAt = Date.now();
      socket.write(bytes);
    });
  }

  /** An 0800 with the given DE 70 code on `socket`, answered by an 0810. */
  private async network(socket: Socket, code: NetworkCode, timeoutMs = this.options.responseTimeoutMs): Promise<Iso8583Message> {
    const request = networkRequest(code, await this.nextStan(), new Date());
    return this.exchange(socket, request, frame(this.codec.encode(request), this.header), timeoutMs);
  }

  private async echoTest(): Promise<{ latencyMs: number }> {
    const socket = this.socket;
    if (!socket) throw new HostLinkDownError('connection to the acquirer host lost');
    const started = performance.now();
    let response: Iso8583Message;
    try {
      response = await this.network(socket, NETWORK_CODE.echo);
    } catch (error) {
      // A host that does not answer an echo is unlikely to answer anything else: start over.
      if (error instanceof HostTimeoutError) socket.destroy();
      throw error;
    }
    const code = networkResponseCode(response);
    if (code !== APPROVED) throw new HostLinkError(`the acquirer host answered the echo test with response code ${code}`);
    return { latencyMs: Math.round(performance.now() - started) };
  }

  private async attempt(): Promise<void> {
    this.setState('connecting');
    let socket: Socket | undefined;
    try {
      socket = await this.openSocket();
      if (this.options.signOn) await this.signOn(socket);
      if (this.closed) throw new HostLinkDownError('cannot connect to the acquirer host: host link closed while connecting');
    } catch (error) {
      if (socket && this.socket === socket) this.socket = undefined;
      socket?.destroy();
      this.onAttemptFailed();
      if (error instanceof HostLinkDownError) throw error;
      throw new HostLinkDownError(`cannot connect to the acquirer host: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.delayMs = this.backoff.initialMs;
    this.nextAttemptAt = 0;
    this.setState('up');
    this.scheduleEcho();
  }

  private openSocket(): Promise<Socket> {
    return new Promise<Socket>((resolve, reject) => {
      const socket = connectTcp({ host: this.options.host, port: this.options.port });
      const fail = (reason: string): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new HostLinkDownError(`cannot connect to the acquirer host: ${reason}`));
      };
      const timer = setTimeout(() => fail(`no connection within ${this.options.connectTimeoutMs} ms`), this.options.connectTimeoutMs);
      socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        if (this.closed) return fail('host link closed while connecting');
        this.adopt(socket);
        resolve(socket);
      });
    });
  }

  /** ISO 8583 DE 70 = 001: the host takes requests on this connection only after approving the sign-on. */
  private async signOn(socket: Socket): Promise<void> {
    this.setState('signing_on');
    let response: Iso8583Message;
    try {
      response = await this.network(socket, NETWORK_CODE.signOn);
    } catch (error) {
      if (error instanceof HostTimeoutError) throw new HostLinkDownError(`cannot sign on to the acquirer host: no answer within ${error.timeoutMs} ms`);
      throw error;
    }
    const code = networkResponseCode(response);
    if (code !== APPROVED) throw new HostLinkDownError(`cannot sign on to the acquirer host: refused with response code ${code}`);
  }

  private adopt(socket: Socket): void {
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    const decoder = new FrameDecoder(this.header);
    socket.on('data', (chunk: Buffer) => this.onData(socket, decoder, chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.onLost(socket));
    this.socket = socket;
    this.lastTrafficAt = Date.now();
  }

  private onData(socket: Socket, decoder: FrameDecoder, chunk: Buffer): void {
    this.lastTrafficAt = Date.now();
    let frames: Buffer[];
    try {
      frames = decoder.push(chunk);
    } catch (error) {
      this.options.onProtocolError?.(error as Error);
      socket.destroy(); // framing lost: nothing later on this stream can be trusted
      return;
    }
    for (const bytes of frames) {
      let response: Iso8583Message;
      const warnings: LeniencyWarning[] = [];
      try {
        response = this.codec.decode(bytes, { warnings, metric: this.options.leniencyMetric });
      } catch (error) {
        this.options.onProtocolError?.(error as Error);
        continue;
      }
      if (warnings.length > 0) this.options.onLenientFields?.(warnings);
      const key = PendingRequestRegistry.key(response.mti.slice(0, 3), response.fields[11] ?? '');
      if (!this.pending.resolve(key, response)) this.options.onUnmatchedResponse?.(response);
    }
  }

  private onLost(socket: Socket): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    this.stopEcho();
    const wasUp = this.current === 'up';
    this.pending.rejectAll(new HostLinkDownError('connection to the acquirer host lost'));
    if (!wasUp) return; // lost while signing on: that attempt fails and backs off by itself
    this.setState('down');
    if (!this.closed) this.scheduleReconnect();
  }

  private onAttemptFailed(): void {
    this.nextAttemptAt = Date.now() + this.delayMs;
    this.setState('down');
    if (!this.closed) this.scheduleReconnect();
    this.delayMs = Math.min(this.delayMs * 2, this.backoff.maxMs);
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer) return;
    const delay = Math.max(this.nextAttemptAt - Date.now(), this.backoff.initialMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.closed && this.current === 'down') this.connect().catch(() => undefined); // failure reschedules
    }, delay);
    this.reconnectTimer.unref();
  }

  /** Keep-alive: an echo test once the link has carried no traffic for echoIntervalMs. */
  private scheduleEcho(): void {
    this.stopEcho();
    const interval = this.options.echoIntervalMs ?? 0;
    if (interval <= 0 || this.closed || this.current !== 'up') return;
    this.echoTimer = setTimeout(() => this.onEchoDue(interval), Math.max(this.lastTrafficAt + interval - Date.now(), 0));
    this.echoTimer.unref();
  }

  private onEchoDue(interval: number): void {
    this.echoTimer = undefined;
    if (this.closed || this.current !== 'up') return;
    if (Date.now() - this.lastTrafficAt < interval) return this.scheduleEcho();
    void this.echoTest().then(
      () => this.scheduleEcho(),
      () => this.scheduleEcho(), // a timeout has dropped the link (no-op while down); a refusal still proves it alive
    );
  }

  private stopEcho(): void {
    clearTimeout(this.echoTimer);
    this.echoTimer = undefined;
  }

  private setState(state: HostLinkState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
