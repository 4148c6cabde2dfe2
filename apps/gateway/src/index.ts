export { GatewayModule } from './gateway.module';
export { ApiClientRepository } from './terminals/api-client.repository';
export { DEMO_TERMINAL } from './terminals/terminal';
