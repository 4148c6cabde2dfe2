import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';

import { ReadinessRegistry } from '@payments/runtime';

import { DEVICE_BRIDGE_ENV, DeviceBridgeEnv } from '../config/device-bridge-env';
import { GatewayRequest, GatewayAnswer, GatewayUnreachableError } from './gateway-request.model';

/**
 * Which central gateway the on-store bridge talks to, and the sending of register requests with
 * failover: the primary while it answers; when it does not (connection refused or reset, or the
 * operation deadline), the SAME request with the same Idempotency-Key goes to the backup, which
 * shares the primary's database, so an operation is never done twice. While the backup serves,
 * the primary is probed and takes over again once it answers. Ready while one of them answers.
 */
@Injectable()
export class GatewayLinkService implements OnModuleInit, OnApplicationShutdown {
  private primaryDown = false;
  private probeTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(DEVICE_BRIDGE_ENV) private readonly env: DeviceBridgeEnv,
    readiness: ReadinessRegistry,
  ) {
    readiness.register('device-bridge.gateway', async () => (await this.activeGateway()) !== undefined);
  }

  onModuleInit(): void {
    if (!this.env.DEVICE_BRIDGE_BACKUP_GATEWAY_URL) return;
    this.probeTimer = setInterval(() => void this.probePrimary(), this.env.DEVICE_BRIDGE_PROBE_INTERVAL_MS);
    this.probeTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.probeTimer);
  }

  /** The gateway requests go to first now. */
  get current(): string {
    const backup = this.env.DEVICE_BRIDGE_BACKUP_GATEWAY_URL;
    return this.primaryDown && backup ? backup : this.env.DEVICE_BRIDGE_GATEWAY_URL;
  }

  async activeGateway(): Promise<string | undefined> {
    for (const url of this.order()) {
      if (await this.answers(url)) return url;
    }
    return undefined;
  }

  /**
   * Sends to the current gateway, then to the other one if it did not answer. Any HTTP answer is
   * the gateway's (returned as it is, whatever the status); only silence moves on.
   */
  async send(request: GatewayRequest): Promise<GatewayAnswer> {
    const failures: string[] = [];
    for (const url of this.order()) {
      try {
        const answer = await this.sendTo(url, request);
        this.primaryDown = url !== this.env.DEVICE_BRIDGE_GATEWAY_URL;
        return answer;
      } catch (error) {
        failures.push(`${url}: ${causeOf(error)}`);
        if (url === this.env.DEVICE_BRIDGE_GATEWAY_URL && this.env.DEVICE_BRIDGE_BACKUP_GATEWAY_URL) this.primaryDown = true;
      }
    }
    throw new GatewayUnreachableError(failures);
  }

  private order(): string[] {
    const { DEVICE_BRIDGE_GATEWAY_URL: primary, DEVICE_BRIDGE_BACKUP_GATEWAY_URL: backup } = this.env;
    if (!backup) return [primary];
    return this.primaryDown ? [backup, primary] : [primary, backup];
  }

  private async sendTo(url: string, request: GatewayRequest): Promise<GatewayAnswer> {
    const response = await fetch(new URL(request.path, url), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(this.env.DEVICE_BRIDGE_OPERATION_TIMEOUT_MS),
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: await response.text(), gateway: url };
  }

  private async probePrimary(): Promise<void> {
    if (this.primaryDown && (await this.answers(this.env.DEVICE_BRIDGE_GATEWAY_URL))) this.primaryDown = false;
  }

  private async answers(url: string): Promise<boolean> {
    try {
      const response = await fetch(new URL('/health/live', url), { signal: AbortSignal.timeout(this.env.DEVICE_BRIDGE_GATEWAY_TIMEOUT_MS) });
      return response.ok;
    } catch {
      return false;
    }
  }
}

function causeOf(error: unknown): string {
  // By name: the abort reason is a DOMException, of another realm than Error under some runners.
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'no answer within the deadline';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
