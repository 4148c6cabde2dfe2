export { AgentsBillingModule } from './agents-billing.module';
/** The embedded mode's demo dealer, kiosk and payee, for its start-up banner. */
export { DEMO_AGENTS, DEMO_PAYEE } from './demo/demo-agents';
