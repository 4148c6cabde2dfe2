export { type Behaviour, type BehaviourRule, ECHO_TEST, magicAmountRule, SIGN_OFF, SIGN_ON } from './acquirer-host.behaviour';
export { AcquirerHostSimulator, type AcquirerHostSimulatorOptions } from './acquirer-host.simulator';
