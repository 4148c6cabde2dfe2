/** The acquirers and routes in force (config/acquirer-network.provider.ts resolves them from the environment). */
export const ACQUIRER_NETWORK = Symbol('AcquirerNetwork');
