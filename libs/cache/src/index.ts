export * from './cache.port';
export { InMemoryCache } from './in-memory.cache';
export { RedisCache, type RedisCacheOptions } from './redis.cache';
