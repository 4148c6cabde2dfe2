import { connect as connectTcp, type Socket } from 'node:net';

import { frame, FrameDecoder, type FrameHeader, Iso8583Codec, Iso8583FormatError, type Iso8583Message } from '@payments/iso8583';

import { HostLinkDownError, HostLinkError, HostTimeoutError } from './host-link.errors';
import { DEFAULT_BACKOFF, type HostLinkOptions, type HostLinkState } from './host-link.options';
import { PendingRequestRegistry } from './pending-request.registry';

const STAN = /^[0-9]{6}$/;
const REQUEST_MTI = /^[0-9]{2}[02468][0-9]$/;

/**
 * One TCP connection to an acquirer host carrying many ISO 8583 requests at once; each response
 * is matched to its request by STAN (DE 11) + response class. A lost connection fails what is in
 * flight with HostLinkDownError and is re-established in the background (with backoff after
 * failed attempts) or by the next send().
 */
export class HostLink {
  private readonly codec: Iso8583Codec;
  private readonly header: FrameHeader;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly pending = new PendingRequestRegistry();
  private socket: Socket | undefined;
  private connecting: Promise<void> | undefined;
  private current: HostLinkState = 'down';
  private closed = false;
  private delayMs: number;
  private nextAttemptAt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: HostLinkOptions) {
    this.codec = Iso8583Codec.forSpec(options.spec ?? 'iso87ascii');
    this.header = options.header ?? 'binary2';
    this.backoff = options.reconnectBackoff ?? DEFAULT_BACKOFF;
    this.delayMs = this.backoff.initialMs;
  }

  state(): HostLinkState {
    return this.current;
  }

  /** Opens the connection (shared by concurrent callers); rejects with HostLinkDownError. */
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
    const key = PendingRequestRegistry.key(PendingRequestRegistry.responseClass(request.mti), stan);
    await this.ensureUp();
    const socket = this.socket;
    if (!socket) throw new HostLinkDownError('connection to the acquirer host lost');
    if (this.pending.has(key)) throw new HostLinkError(`a ${request.mti} with STAN ${stan} is already in flight`);
    return new Promise<Iso8583Message>((resolve, reject) => {
      const timer = setTimeout(() => this.pending.reject(key, new HostTimeoutError(request.mti, stan, this.options.responseTimeoutMs)), this.options.responseTimeoutMs);
      this.pending.add(key, { resolve, reject, timer });
      socket.write(bytes);
    });
  }

  /** Stops reconnecting, waits (bounded) for in-flight requests, then closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.connecting?.catch(() => undefined);
    await this.pending.whenDrained(this.options.closeTimeoutMs ?? this.options.responseTimeoutMs);
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

  private attempt(): Promise<void> {
    this.setState('connecting');
    return new Promise<void>((resolve, reject) => {
      const socket = connectTcp({ host: this.options.host, port: this.options.port });
      const fail = (reason: string): void => {
        clearTimeout(timer);
        socket.destroy();
        this.onAttemptFailed();
        reject(new HostLinkDownError(`cannot connect to the acquirer host: ${reason}`));
      };
      const timer = setTimeout(() => fail(`no connection within ${this.options.connectTimeoutMs} ms`), this.options.connectTimeoutMs);
      socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        if (this.closed) return fail('host link closed while connecting');
        this.adopt(socket);
        resolve();
      });
    });
  }

  private adopt(socket: Socket): void {
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    const decoder = new FrameDecoder(this.header);
    socket.on('data', (chunk: Buffer) => this.onData(socket, decoder, chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.onLost(socket));
    this.socket = socket;
    this.delayMs = this.backoff.initialMs;
    this.nextAttemptAt = 0;
    this.setState('up');
  }

  private onData(socket: Socket, decoder: FrameDecoder, chunk: Buffer): void {
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
      try {
        response = this.codec.decode(bytes);
      } catch (error) {
        this.options.onProtocolError?.(error as Error);
        continue;
      }
      const key = PendingRequestRegistry.key(response.mti.slice(0, 3), response.fields[11] ?? '');
      if (!this.pending.resolve(key, response)) this.options.onUnmatchedResponse?.(response);
    }
  }

  private onLost(socket: Socket): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    this.setState('down');
    this.pending.rejectAll(new HostLinkDownError('connection to the acquirer host lost'));
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

  private setState(state: HostLinkState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
