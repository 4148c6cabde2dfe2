export { GatewayModule } from './gateway.module';
export { ApiClientRepository } from './terminals/api-client.repository';
export { DEMO_TERMINAL, demoTerminalKey } from './terminals/terminal';
export { OperatorAdminSeeder, type SeededOperatorAdmin } from './operators/operator-admin.seeder';
