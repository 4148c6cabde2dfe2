export { type Behaviour, type BehaviourRule, ECHO_TEST, magicAmountRule, SIGN_OFF, SIGN_ON } from './acquirer-host.behaviour';
export { AcquirerHostSimulator, type AcquirerHostSimulatorOptions } from './acquirer-host.simulator';
export { DEFAULT_TEST_PIN, PIN_TRY_LIMIT, PinVerifier } from './acquirer-host.pin';
