export { DeviceBridgeModule } from './device-bridge.module';
export { RunningDeviceBridge, startDeviceBridge } from './device-bridge.server';
export { GatewayLinkService } from './gateway-link/gateway-link.service';
