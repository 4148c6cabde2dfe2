/** An agent's terminal (a kiosk, a shop's terminal): it signs its requests with its Ed25519 key and pays for its node. */
export const TERMINAL_STATUSES = ['active', 'blocked'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export interface AgentTerminal {
  /** The operator's id for the terminal: 1-64 letters, digits, dots, dashes or underscores. */
  readonly id: string;
  /** The node it pays for: its payments debit that node's account. */
  readonly nodeId: string;
  /** Its Ed25519 public key, PEM (SPKI). */
  readonly publicKey: string;
  readonly status: TerminalStatus;
  readonly createdAt: Date;
  readonly blockedAt: Date | null;
}

export const TERMINAL_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const TERMINAL_ID_RULE = 'id must be 1-64 letters, digits, dots, dashes or underscores';

/** A terminal as operators see it. */
export function terminalResponseOf(terminal: AgentTerminal) {
  return {
    id: terminal.id,
    nodeId: terminal.nodeId,
    publicKey: terminal.publicKey,
    status: terminal.status,
    createdAt: terminal.createdAt.toISOString(),
    blockedAt: terminal.blockedAt?.toISOString() ?? null,
  };
}
