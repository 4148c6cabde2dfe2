export { HostLink } from './host-link';
export { HostLinkPool, type HostLinkPoolStateListener } from './host-link.pool';
export { HostLinkDownError, HostLinkError, HostTimeoutError } from './host-link.errors';
export { HostLinkMetrics } from './host-link.metrics';
export { HOST_LINK_STATES, type HostLinkOptions, type HostLinkState } from './host-link.options';
export { HostSequenceRepository } from './host-sequence.repository';
export {
  HOST_SEQUENCE_STORE,
  type HostSequenceCounter,
  type HostSequenceStore,
  InMemoryHostSequenceStore,
  nextBlock,
  type ReservedBlock,
} from './host-sequence.store';
export { NETWORK_CODE, type NetworkCode, networkRequest } from './network-management.message';
export { type HostReference, SHARED_RRN_SEQUENCE, StanAllocator, type StanAllocatorOptions, StanUnavailableError } from './stan.allocator';
export { RrnGenerator, rrnOf, StanSequence, stanOf } from './stan-rrn';
export { instantOfTransmission, isTimeZone, LocalTransactionClock, transmissionDateTime } from './transaction-time';
