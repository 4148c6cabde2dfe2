import { HttpStatus, Injectable, Logger } from '@nestjs/common';

import { PinPadClient, PinPadFrameError, PinPadLinkError } from '@payments/pinpad';

import { GatewayLinkService } from '../gateway-link/gateway-link.service';
import { GatewayRequest, GatewayUnreachableError } from '../gateway-link/gateway-request.model';
import { LaneConfig } from '../lanes/lane-config';
import { LaneRegistry } from '../lanes/lane.registry';
import { InFlightOperation } from '../local-state/lane-state.model';
import { LaneStateStore } from '../local-state/lane-state.store';
import { BridgeAnswer, bridgeError, padFailureAnswer } from './bridge-answer';
import { OperationTiming } from './operation-timing';
import { PadPromptService } from './pad-prompt.service';
import { PinPadCheckoutService } from './pinpad-checkout.service';
import { pathOf, RegisterRequest, requestHashOf, terminalKeyOf } from './register-request.model';

/** The card-present operations the bridge completes with its PIN pad when the register sends no `card`. */
const PAD_OPERATIONS: Readonly<Record<string, { readonly pinAllowed: boolean }>> = {
  '/v1/purchases': { pinAllowed: true },
  '/v1/cash-withdrawals': { pinAllowed: true },
  '/v1/balance-inquiries': { pinAllowed: true },
  '/v1/top-ups': { pinAllowed: false },
  '/v1/preauthorizations': { pinAllowed: false },
  '/v1/card-reads': { pinAllowed: false },
};

/**
 * One register request through the bridge, with the gateway's API: a card-present operation
 * without `card` is completed with the lane's PIN pad, then everything goes to the active gateway
 * under the register's own terminal key and Idempotency-Key, and the gateway's answer comes back
 * unchanged. A lane's money-moving requests (POST with an Idempotency-Key) are kept in the local
 * state from before they are sent until their outcome is known, one at a time per lane.
 */
@Injectable()
export class RegisterForwardUseCase {
  private readonly logger = new Logger('DeviceBridge');
  /** What runs now, by lane and Idempotency-Key, for a retry to join instead of sending twice. */
  private readonly running = new Map<string, Promise<BridgeAnswer>>();
  /** Lanes running an operation for their register now (one at a time: one pad, one cashier). */
  private readonly busyLanes = new Set<string>();

  constructor(
    private readonly lanes: LaneRegistry,
    private readonly checkout: PinPadCheckoutService,
    private readonly gateway: GatewayLinkService,
    private readonly store: LaneStateStore,
    private readonly prompts: PadPromptService,
  ) {}

  /** `timing`: where the request's time goes (pad, gateway, the bridge's own), for the register's Server-Timing header. */
  async execute(request: RegisterRequest, timing = new OperationTiming()): Promise<BridgeAnswer> {
    const terminalKey = terminalKeyOf(request);
    const lane = terminalKey === undefined ? undefined : this.lanes.laneOfKey(terminalKey);
    const padOperation = request.method === 'POST' ? PAD_OPERATIONS[pathOf(request)] : undefined;
    const needsPad = padOperation !== undefined && isObject(request.body) && request.body.card === undefined && terminalKey !== undefined;
    if (needsPad && !lane) {
      const known = this.lanes.lanes.map((l) => `${l.lane} (terminal ${l.terminalId})`).join(', ') || 'none';
      return bridgeError(HttpStatus.NOT_FOUND, `no PIN pad lane is configured for this terminal key; configured lanes: ${known}`);
    }
    if (!lane || request.method !== 'POST' || !request.idempotencyKey) return this.forwardAsIs(request, timing);
    return this.journaled(lane, request, request.idempotencyKey, needsPad ? padOperation : undefined, timing);
  }

  /**
   * Re-sends an operation left in flight with its Idempotency-Key, for the gateway's stored outcome
   * (after a restart, or when no gateway answered). One left while the pad was driven is dropped:
   * it never reached a gateway.
   */
  resolve(operation: InFlightOperation): Promise<BridgeAnswer> | undefined {
    const running = this.running.get(runningId(operation.lane, operation.idempotencyKey));
    if (running) return running;
    if (operation.phase === 'pad' || !operation.forwarded) {
      void this.store
        .abandon(operation.lane, operation.idempotencyKey)
        .catch((error: unknown) => this.logger.warn(`local state not written: ${String(error)}`));
      return undefined;
    }
    const { lane, idempotencyKey, requestHash, forwarded } = operation;
    return this.track(lane, idempotencyKey, this.send(this.laneNamed(lane), idempotencyKey, requestHash, forwarded));
  }

  private journaled(
    lane: LaneConfig,
    request: RegisterRequest,
    key: string,
    padOperation: { pinAllowed: boolean } | undefined,
    timing: OperationTiming,
  ): Promise<BridgeAnswer> {
    const hash = requestHashOf(request);
    const reused = (): Promise<BridgeAnswer> =>
      Promise.resolve(bridgeError(HttpStatus.UNPROCESSABLE_ENTITY, `Idempotency-Key "${key}" was used on this lane for another request`, lane));
    const done = this.store.completed(lane.lane, key);
    if (done) {
      if (done.requestHash !== hash) return reused();
      if (!done.forwarded) return Promise.resolve(done);
      // A prompt or a 5xx: ask the gateway again, it may know the outcome by now.
      return this.track(lane.lane, key, this.send(lane, key, hash, done.forwarded, timing));
    }
    const open = this.store.open(lane.lane, key);
    if (open) {
      if (open.requestHash !== hash) return reused();
      const resumed = this.resolve(open);
      if (resumed) return resumed;
    }
    if (this.busyLanes.has(lane.lane)) {
      return Promise.resolve(
        bridgeError(HttpStatus.CONFLICT, `lane ${lane.lane} (terminal ${lane.terminalId}) is busy with another operation; retry when it is done`, lane),
      );
    }
    // One sent before whose outcome is still unknown does not stop the lane: it is set aside and resolved on its own.
    // Not awaited: the operation's own write below (begin, sent) takes this change with it, and fails if it cannot.
    void this.store.setAside(lane.lane).catch(() => undefined);
    this.busyLanes.add(lane.lane);
    const answer = this.track(lane.lane, key, this.run(lane, request, key, hash, timing, padOperation));
    const free = (): void => void this.busyLanes.delete(lane.lane);
    answer.then(free, free);
    return answer;
  }

  private async run(
    lane: LaneConfig,
    request: RegisterRequest,
    key: string,
    hash: string,
    timing: OperationTiming,
    padOperation?: { pinAllowed: boolean },
  ): Promise<BridgeAnswer> {
    let body = request.body;
    let pad: PinPadClient | undefined;
    if (padOperation && isObject(request.body)) {
      await this.store.begin({ lane: lane.lane, idempotencyKey: key, requestHash: hash, phase: 'pad', startedAt: new Date().toISOString() });
      try {
        const opened = await timing.pad(() => this.lanes.pad(lane));
        pad = opened;
        const { amount, currency, entryMode } = request.body;
        const fields = await timing.pad(() =>
          this.checkout.collectCard(opened, lane, {
            amountMinor: typeof amount === 'number' ? amount : undefined,
            currency: typeof currency === 'string' ? currency : undefined,
            pinAllowed: padOperation.pinAllowed,
          }),
        );
        body = { ...request.body, ...fields, entryMode: entryMode ?? fields.entryMode };
      } catch (error) {
        await this.store.abandon(lane.lane, key);
        return this.padFailed(lane, pad, error);
      }
    }
    const forwarded = gatewayRequestOf(request, body);
    // On disk before it goes: a restart then sends it again with its key rather than losing it.
    await this.store.begin({
      lane: lane.lane,
      idempotencyKey: key,
      requestHash: hash,
      phase: 'sent',
      forwarded,
      gateway: this.gateway.current,
      startedAt: new Date().toISOString(),
    });
    let answer = await this.send(lane, key, hash, forwarded, timing);
    if (pad && lane.prompts === 'pinpad' && answer.status === 202 && request.authorization) {
      const sent = answer;
      const { authorization } = request;
      const prompted = pad;
      // The cashier keying on the pad, and the answers' round trips to the gateway: counted as the pad's time.
      answer = await timing.pad(() => this.prompts.answerOnPad(prompted, authorization, sent));
      if (answer !== sent) this.keep(lane, key, hash, forwarded, answer);
    }
    if (pad) this.checkout.showOutcome(pad, answer.status, answer.body);
    return answer;
  }

  /** Sends a kept request; any answer but 409 (the gateway still runs it) closes the operation. */
  private async send(lane: LaneConfig, key: string, hash: string, forwarded: GatewayRequest, timing?: OperationTiming): Promise<BridgeAnswer> {
    try {
      const answer = timing ? await timing.gateway(() => this.gateway.send(forwarded)) : await this.gateway.send(forwarded);
      if (answer.status !== Number(HttpStatus.CONFLICT)) this.keep(lane, key, hash, forwarded, answer);
      return answer;
    } catch (error) {
      if (!(error instanceof GatewayUnreachableError)) throw error;
      this.logger.warn(`lane ${lane.lane}: ${error.message}; the operation stays in flight`);
      return bridgeError(
        HttpStatus.SERVICE_UNAVAILABLE,
        `lane ${lane.lane} (terminal ${lane.terminalId}): ${error.message}; the operation stays in flight and is sent again with its Idempotency-Key: retry with the same key for its outcome`,
        lane,
      );
    }
  }

  /**
   * The operation's answer, closing it. A cashier prompt (202) or a 5xx is not the last word (the
   * register answers the prompt through the bridge; the gateway may learn the outcome later): it
   * keeps what was sent, so a retry with the key asks the gateway again for what it knows now.
   * In memory at once; the register does not wait for the disk: a bridge that dies before the file
   * holds it finds the operation `sent` at its next start and asks the gateway, which keeps the
   * outcome under the key, for it again (the same answer). Stopping the bridge waits for the file.
   */
  private keep(lane: LaneConfig, key: string, hash: string, forwarded: GatewayRequest, answer: BridgeAnswer): void {
    const written = this.store.complete({
      lane: lane.lane,
      idempotencyKey: key,
      requestHash: hash,
      path: forwarded.path,
      ...answer,
      gateway: answer.gateway ?? this.gateway.current,
      completedAt: new Date().toISOString(),
      forwarded: answer.status >= 500 || answer.status === 202 ? forwarded : undefined,
    });
    written.catch((error: unknown) => this.logger.warn(`lane ${lane.lane}: the outcome is not written to the local state (${String(error)}); it stays sent`));
  }

  private async forwardAsIs(request: RegisterRequest, timing: OperationTiming): Promise<BridgeAnswer> {
    try {
      return await timing.gateway(() => this.gateway.send(gatewayRequestOf(request, request.body)));
    } catch (error) {
      if (!(error instanceof GatewayUnreachableError)) throw error;
      return bridgeError(HttpStatus.SERVICE_UNAVAILABLE, error.message);
    }
  }

  private padFailed(lane: LaneConfig, pad: PinPadClient | undefined, error: unknown): BridgeAnswer {
    const answer = padFailureAnswer(lane, error);
    if (!answer) throw error;
    // A broken line starts a new session next time; a refused command leaves the pad idle, shown so.
    if (error instanceof PinPadLinkError || error instanceof PinPadFrameError || !pad) this.lanes.drop(lane);
    else void pad.display(['NOT COMPLETED']).catch(() => undefined);
    this.logger.warn((JSON.parse(answer.body) as { message: string }).message);
    return answer;
  }

  private track(lane: string, key: string, answer: Promise<BridgeAnswer>): Promise<BridgeAnswer> {
    const id = runningId(lane, key);
    this.running.set(id, answer);
    const clear = (): void => {
      if (this.running.get(id) === answer) this.running.delete(id);
    };
    answer.then(clear, clear);
    return answer;
  }

  /** A lane of the local state: configured still, or known by name only (its config changed since). */
  private laneNamed(name: string): LaneConfig {
    return (
      this.lanes.lanes.find((lane) => lane.lane === name) ?? {
        lane: name,
        terminalId: 'unknown',
        terminalKeySha256: '',
        pinpad: { kind: 'tcp', host: '', port: 0 },
        pin: 'never',
        prompts: 'register',
      }
    );
  }
}

function gatewayRequestOf(request: RegisterRequest, body: unknown): GatewayRequest {
  const headers: Record<string, string> = {};
  if (request.authorization) headers.authorization = request.authorization;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  if (request.requestId) headers['x-request-id'] = request.requestId;
  const hasBody = body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
  if (hasBody) headers['content-type'] = 'application/json';
  return { method: request.method, path: request.url, headers, body: hasBody ? JSON.stringify(body) : undefined };
}

function runningId(lane: string, key: string): string {
  return `${lane}\u0000${key}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
