/** The registries' configuration (RegistriesEnv). */
export const REGISTRIES_ENV = Symbol('RegistriesEnv');
/** Builds the registries' destination (RegistryDeliveryFactory); a spec swaps in one that fails. */
export const REGISTRY_DELIVERY = Symbol('RegistryDelivery');
