export * from './config-value.fields';
export * from './config.error';
export * from './config.fields';
export * from './config.loader';
export * from './secret-mask.util';
