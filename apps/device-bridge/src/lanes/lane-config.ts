import { DEFAULT_BAUD_RATE } from '@payments/pinpad';

/** How the bridge reaches a lane's PIN pad: configuration only, the register never knows. */
export type PinPadTransport =
  { readonly kind: 'tcp'; readonly host: string; readonly port: number } | { readonly kind: 'serial'; readonly path: string; readonly baudRate: number };

/** When the bridge asks for the PIN: every time, for chip cards only, or never (the card read alone). */
export type PinPolicy = 'always' | 'chip' | 'never';

/** Who answers the server's cashier prompts of an operation the pad started: the register (the 202 passes through) or the pad's keypad. */
export type PromptAnswerer = 'register' | 'pinpad';

/** One checkout lane: its register's terminal, the key that register sends, its PIN pad. */
export interface LaneConfig {
  readonly lane: string;
  readonly terminalId: string;
  /** SHA-256 (hex) of the register's terminal API key, as the gateway stores it: requests are matched to lanes by it. */
  readonly terminalKeySha256: string;
  readonly pinpad: PinPadTransport;
  readonly pin: PinPolicy;
  readonly prompts: PromptAnswerer;
}

const LANE_ID = /^[A-Za-z0-9_-]{1,32}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const PIN_POLICIES: readonly PinPolicy[] = ['always', 'chip', 'never'];
const PROMPT_ANSWERERS: readonly PromptAnswerer[] = ['register', 'pinpad'];

/**
 * `DEVICE_BRIDGE_PINPADS`: a JSON array of `{"lane","terminalId","terminalKeySha256","pinpad","pin"?,"prompts"?}`,
 * `pinpad` being `tcp://<host>:<port>` or `serial:<tty path>[?baud=<rate>]`. Every problem names
 * its entry (index and lane) and the field; two lanes may not share a lane id, terminal or key.
 */
export function parseLanes(json: string): LaneConfig[] {
  let entries: unknown;
  try {
    entries = JSON.parse(json);
  } catch {
    throw new Error('must be a JSON array of lanes ({"lane","terminalId","terminalKeySha256","pinpad"})');
  }
  if (!Array.isArray(entries)) throw new Error('must be a JSON array of lanes ({"lane","terminalId","terminalKeySha256","pinpad"})');
  const lanes = entries.map((entry, index) => laneOf(entry, index));
  for (const field of ['lane', 'terminalId', 'terminalKeySha256'] as const) {
    const seen = new Set<string>();
    lanes.forEach((lane, index) => {
      if (seen.has(lane[field])) throw new Error(`entry ${index} (lane "${lane.lane}"): ${field} is already used by another lane`);
      seen.add(lane[field]);
    });
  }
  return lanes;
}

function laneOf(entry: unknown, index: number): LaneConfig {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`entry ${index}: must be an object`);
  const raw = entry as Record<string, unknown>;
  const name = typeof raw.lane === 'string' ? `entry ${index} (lane "${raw.lane}")` : `entry ${index}`;
  const fail = (problem: string): never => {
    throw new Error(`${name}: ${problem}`);
  };
  if (typeof raw.lane !== 'string' || !LANE_ID.test(raw.lane)) fail('lane must be 1-32 letters, digits, - or _');
  if (typeof raw.terminalId !== 'string' || !/^[A-Za-z0-9]{1,16}$/.test(raw.terminalId)) fail('terminalId must be 1-16 letters or digits');
  if (typeof raw.terminalKeySha256 !== 'string' || !SHA256_HEX.test(raw.terminalKeySha256.toLowerCase()))
    fail('terminalKeySha256 must be the SHA-256 of the terminal key, 64 hex digits');
  if (raw.pin !== undefined && !PIN_POLICIES.includes(raw.pin as PinPolicy)) fail('pin must be always, chip or never');
  if (raw.prompts !== undefined && !PROMPT_ANSWERERS.includes(raw.prompts as PromptAnswerer)) fail('prompts must be register or pinpad');
  if (typeof raw.pinpad !== 'string') fail('pinpad must be tcp://<host>:<port> or serial:<tty path>[?baud=<rate>]');
  const pinpad = transportOf(raw.pinpad as string);
  if (typeof pinpad === 'string') fail(`pinpad ${pinpad}`);
  return {
    lane: raw.lane as string,
    terminalId: raw.terminalId as string,
    terminalKeySha256: (raw.terminalKeySha256 as string).toLowerCase(),
    pinpad: pinpad as PinPadTransport,
    pin: (raw.pin as PinPolicy | undefined) ?? 'chip',
    prompts: (raw.prompts as PromptAnswerer | undefined) ?? 'register',
  };
}

/** The transport, or what is wrong with it. */
function transportOf(value: string): PinPadTransport | string {
  const tcp = /^tcp:\/\/([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):([0-9]{1,5})$/.exec(value);
  if (tcp) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65_535) return 'port must be 1-65535';
    return { kind: 'tcp', host: tcp[1].replace(/^\[|\]$/g, ''), port };
  }
  const serial = /^serial:(\/dev\/[A-Za-z0-9/._-]+)(?:\?baud=([0-9]{1,7}))?$/.exec(value);
  if (serial) {
    const baudRate = serial[2] === undefined ? DEFAULT_BAUD_RATE : Number(serial[2]);
    if (baudRate < 300) return 'baud must be at least 300';
    return { kind: 'serial', path: serial[1], baudRate };
  }
  return 'must be tcp://<host>:<port> or serial:<tty path under /dev>[?baud=<rate>]';
}
