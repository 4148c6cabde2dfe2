export * from './acquirer-host';
export * from './payee-gateway';
export * from './pin-pad/test-pin-pad';
export * from './pin-pad/test-aes-pin-pad';
export * from './net/free-port.util';
