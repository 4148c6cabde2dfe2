import { DEMO_TERMINAL, demoTerminal, demoTerminalKey } from './terminal';

describe('demo registers', () => {
  it('numbers the registers of the demo shop DEMO0001, DEMO0002, .. with eight-character terminal ids', () => {
    expect(demoTerminal(1)).toEqual(DEMO_TERMINAL);
    expect(demoTerminal(2)).toMatchObject({ terminalId: 'DEMO0002', merchantId: 'DEMOSHOP0000001', name: 'Demo register 2' });
    expect(demoTerminal(9_999).terminalId).toBe('DEMO9999');
  });

  it('gives the first register the configured key and each later one its own', () => {
    expect(demoTerminalKey('demo-terminal-key-change-me', 1)).toBe('demo-terminal-key-change-me');
    expect(demoTerminalKey('demo-terminal-key-change-me', 2)).toBe('demo-terminal-key-change-me-2');
    expect(new Set([1, 2, 3, 12].map((n) => demoTerminalKey('k', n))).size).toBe(4);
  });
});
