import { DEMO_AGENTS } from './demo-agents';

/**
 * The demo kiosk's terminal (AGENTS_BILLING_SEED_DEMO=true), registered under the demo kiosk. Its
 * key pair is a DEV KEY, public in this repository (the private half is
 * `demo-kiosk-terminal.dev-key.pem` next to this file, for the README's signed requests): anyone
 * can sign as this terminal, so it exists only where the demo network is seeded.
 */
export const DEMO_TERMINAL = {
  id: 'demo-kiosk-terminal',
  nodeId: DEMO_AGENTS.kioskId,
  publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA4ZXqgKTPDUpgFo7eT79LHBu8P3/fkyjGZdEvJjOyr2c=\n-----END PUBLIC KEY-----\n',
} as const;
