import { Inject, Injectable } from '@nestjs/common';

import { PinPadClient } from '@payments/pinpad';

import { DEVICE_BRIDGE_ENV, DeviceBridgeEnv } from '../config/device-bridge-env';
import { GatewayLinkService } from '../gateway-link/gateway-link.service';
import { BridgeAnswer } from './bridge-answer';

/** The gateway's cashier prompt (README "Cashier prompts"), as far as the pad can take it. */
interface CashierPrompt {
  readonly promptId: string;
  readonly text: string;
  readonly input: { readonly type: string; readonly length?: number };
  readonly expiresAt?: string;
}

/** A flow asks a few questions at most; more is a loop the register should see. */
const MAX_PROMPTS = 5;

/**
 * For a lane whose prompts are answered on the PIN pad: while the gateway answers `202` with a
 * prompt the keypad can take (digits, yes/no), shows it on the pad, posts what was keyed to
 * `/v1/prompts/{id}/answer` under the register's key and takes what comes next. A prompt the pad
 * cannot take (free text), a pad that fails or a gateway that does not answer: the register gets
 * the prompt as the gateway sent it, and answers it itself.
 */
@Injectable()
export class PadPromptService {
  constructor(
    @Inject(DEVICE_BRIDGE_ENV) private readonly env: DeviceBridgeEnv,
    private readonly gateway: GatewayLinkService,
  ) {}

  async answerOnPad(pad: PinPadClient, authorization: string, first: BridgeAnswer): Promise<BridgeAnswer> {
    let answer: BridgeAnswer = first;
    for (let asked = 0; asked < MAX_PROMPTS && answer.status === 202; asked += 1) {
      const prompt = promptOf(answer.body);
      if (!prompt) return answer;
      try {
        const value = await this.ask(pad, prompt);
        if (value === undefined) return answer;
        answer = await this.gateway.send({
          method: 'POST',
          path: `/v1/prompts/${encodeURIComponent(prompt.promptId)}/answer`,
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ value }),
        });
      } catch {
        return answer;
      }
    }
    return answer;
  }

  private async ask(pad: PinPadClient, prompt: CashierPrompt): Promise<string | undefined> {
    const left = prompt.expiresAt ? Date.parse(prompt.expiresAt) - Date.now() : this.env.DEVICE_BRIDGE_CARD_TIMEOUT_MS;
    const timeoutMs = Math.max(1_000, Math.min(left, this.env.DEVICE_BRIDGE_CARD_TIMEOUT_MS));
    const text = prompt.text.replace(/[^\x20-\x7E]/g, '?').slice(0, 64);
    if (prompt.input.type === 'digits' && prompt.input.length) {
      const { length } = prompt.input;
      return (await pad.readDigits({ prompt: text, minDigits: length, maxDigits: length, timeoutMs })).digits;
    }
    if (prompt.input.type === 'confirm') {
      const { digits } = await pad.readDigits({ prompt: `${text.slice(0, 50)} 1=YES 0=NO`, minDigits: 1, maxDigits: 1, timeoutMs });
      return digits === '1' ? 'yes' : 'no';
    }
    return undefined;
  }
}

function promptOf(body: string): CashierPrompt | undefined {
  try {
    const parsed = JSON.parse(body) as { prompt?: Partial<CashierPrompt> };
    const prompt = parsed.prompt;
    if (typeof prompt?.promptId !== 'string' || typeof prompt.text !== 'string' || typeof prompt.input?.type !== 'string') return undefined;
    return prompt as CashierPrompt;
  } catch {
    return undefined;
  }
}
