export { DEMO_PIN_PAD_SEED, startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';
export { loadEmbeddedEnv, type EmbeddedEnv } from './embedded-env';
