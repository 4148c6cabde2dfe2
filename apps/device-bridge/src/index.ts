export { DeviceBridgeModule } from './device-bridge.module';
export { GatewayLinkService } from './gateway-link/gateway-link.service';
