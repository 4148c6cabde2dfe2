export { startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';
export { loadEmbeddedEnv, type EmbeddedEnv } from './embedded-env';
