export { type Behaviour, type BehaviourRule, magicAmountRule } from './acquirer-host.behaviour';
export { AcquirerHostSimulator, type AcquirerHostSimulatorOptions } from './acquirer-host.simulator';
