export { HostLink } from './host-link';
export { HostLinkDownError, HostLinkError, HostTimeoutError } from './host-link.errors';
export type { HostLinkOptions, HostLinkState } from './host-link.options';
export { RrnGenerator, StanSequence } from './stan-rrn';
