export * from './authority/certificate-authority';
export * from './authority/certificate-name.rules';
export * from './authority/issued-certificate.model';
export * from './pki-input.error';
export * from './tls/mutual-tls.options';
export * from './verification/peer-certificate.verifier';
export * from './verification/revocation.port';
