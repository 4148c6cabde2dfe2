export {
  type PayeeGatewayBehaviour,
  type PayeeGatewayMatch,
  PayeeGatewaySimulator,
  type PayeeGatewaySimulatorOptions,
  type SimulatedPayment,
} from './payee-gateway.simulator';
