/** The register's terminal, as its API key identifies it. */
export interface Terminal {
  clientId: string;
  name: string;
  terminalId: string;
  merchantId: string;
  currencies: string[];
}

export const DEMO_TERMINAL = { name: 'Demo register', terminalId: 'DEMO0001', merchantId: 'DEMOSHOP0000001', currencies: ['EUR', 'USD'] };

/** Demo register number n (1-based) of the demo shop: DEMO0001, DEMO0002, .. */
export function demoTerminal(n: number): Omit<Terminal, 'clientId'> {
  return n === 1 ? DEMO_TERMINAL : { ...DEMO_TERMINAL, name: `Demo register ${n}`, terminalId: `DEMO${String(n).padStart(4, '0')}` };
}

/** The API key of demo register n: the configured key, with `-n` appended from the second on. */
export function demoTerminalKey(key: string, n: number): string {
  return n === 1 ? key : `${key}-${n}`;
}
