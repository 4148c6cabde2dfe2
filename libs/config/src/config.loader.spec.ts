import { z } from 'zod';

import { bool, csv, durationMs, enumOf, grpcTarget, url } from './config-value.fields';
import { ConfigError } from './config.error';
import { int, optional, port, text } from './config.fields';
import { loadConfig } from './config.loader';

const schema = z.object({
  PORT: port(3000),
  KAFKA_BROKERS: csv(),
  DATABASE_URL: url('postgres://payments:payments@127.0.0.1:5432/payments', ['postgres', 'postgresql']),
  TRACING_ENABLED: bool(false),
  HOST_TIMEOUT: durationMs(30_000),
  LOG_LEVEL: enumOf(['debug', 'info', 'warn', 'error'], 'info'),
  PAN_TOKEN_KEY: text(),
  OTEL_ENDPOINT: optional(url()),
  POOL_SIZE: int(10, 1, 100),
});

const minimalEnv = { KAFKA_BROKERS: '127.0.0.1:9092', PAN_TOKEN_KEY: 'k' };

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadConfig.name, () => {
  it('applies documented defaults and parses set values into typed config', () => {
    const sut = loadConfig(schema, minimalEnv);
    expect(sut).toEqual({
      PORT: 3000,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      DATABASE_URL: 'postgres://payments:payments@127.0.0.1:5432/payments',
      TRACING_ENABLED: false,
      HOST_TIMEOUT: 30_000,
      LOG_LEVEL: 'info',
      PAN_TOKEN_KEY: 'k',
      OTEL_ENDPOINT: undefined,
      POOL_SIZE: 10,
    });
  });

  it('parses every helper format', () => {
    const sut = loadConfig(schema, {
      ...minimalEnv,
      PORT: '8080',
      KAFKA_BROKERS: ' a:1 , b:2,, ',
      TRACING_ENABLED: 'YES',
      HOST_TIMEOUT: '5s',
      LOG_LEVEL: 'debug',
      OTEL_ENDPOINT: 'http://127.0.0.1:4318',
      POOL_SIZE: '100',
    });
    expect(sut.PORT).toBe(8080);
    expect(sut.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(sut.TRACING_ENABLED).toBe(true);
    expect(sut.HOST_TIMEOUT).toBe(5000);
    expect(sut.LOG_LEVEL).toBe('debug');
    expect(sut.OTEL_ENDPOINT).toBe('http://127.0.0.1:4318');
    expect(sut.POOL_SIZE).toBe(100);
  });

  it.each([
    ['250', 250],
    ['250ms', 250],
    ['2m', 120_000],
    ['1h', 3_600_000],
  ])('reads duration %p as %i ms', (raw, expected) => {
    expect(loadConfig(schema, { ...minimalEnv, HOST_TIMEOUT: raw }).HOST_TIMEOUT).toBe(expected);
  });

  it.each([
    ['127.0.0.1:50061', true],
    ['dns:///payments-authorization-grpc:50061', true],
    ['[::1]:50061', true],
    ['http://127.0.0.1:50061', false],
    ['127.0.0.1', false],
  ])('takes gRPC target %p: %p', (raw, ok) => {
    const grpc = z.object({ TARGET: grpcTarget('127.0.0.1:1') });
    if (ok) expect(loadConfig(grpc, { TARGET: raw }).TARGET).toBe(raw);
    else expect(() => loadConfig(grpc, { TARGET: raw })).toThrow('TARGET: expected host:port or dns:///name:port');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig(schema, { ...minimalEnv, PORT: '' }).PORT).toBe(3000);
    expect(problemsOf({ KAFKA_BROKERS: '', PAN_TOKEN_KEY: 'k' })).toContain('KAFKA_BROKERS: required');
  });

  it('lists every wrong or missing variable by name with the reason', () => {
    const message = problemsOf({
      PORT: 'abc',
      TRACING_ENABLED: 'maybe',
      HOST_TIMEOUT: '5 days',
      LOG_LEVEL: 'verbose',
      DATABASE_URL: 'mysql://u@h/db',
      POOL_SIZE: '0',
      OTEL_ENDPOINT: 'not a url',
    });
    expect(message).toContain('Invalid configuration (9 problems)');
    expect(message).toContain('PORT: expected a number 1-65535, got "abc"');
    expect(message).toContain('KAFKA_BROKERS: required');
    expect(message).toContain('PAN_TOKEN_KEY: required');
    expect(message).toContain('TRACING_ENABLED: expected true or false');
    expect(message).toContain('HOST_TIMEOUT: expected a duration like 250, 250ms, 5s, 2m or 1h, got "5 days"');
    expect(message).toContain('LOG_LEVEL: expected one of debug, info, warn, error, got "verbose"');
    expect(message).toContain('DATABASE_URL: expected a URL with scheme postgres or postgresql, got "mysql://u@h/db"');
    expect(message).toContain('POOL_SIZE: expected a whole number 1-100, got "0"');
    expect(message).toContain('OTEL_ENDPOINT: expected an absolute URL, got "not a url"');
  });

  it('rejects out-of-range ports', () => {
    expect(problemsOf({ ...minimalEnv, PORT: '65536' })).toContain('PORT: expected a number 1-65535, got "65536"');
    expect(problemsOf({ ...minimalEnv, PORT: '0' })).toContain('PORT: expected a number 1-65535');
  });

  it('never prints values of secret-looking variables or URL passwords', () => {
    const secrets = z.object({ API_SECRET: enumOf(['a', 'b']), BROKER_URL: url(undefined, ['kafka']) });
    let message = '';
    try {
      loadConfig(secrets, { API_SECRET: 'hunter2-top-secret', BROKER_URL: 'https://svc:p4ssw0rd@broker:9093' });
    } catch (error) {
      message = (error as ConfigError).message;
    }
    expect(message).toContain('API_SECRET: expected one of a, b, got (value hidden)');
    expect(message).toContain('BROKER_URL: expected a URL with scheme kafka, got "https://svc:***@broker:9093"');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('p4ssw0rd');
  });

  it('exposes the problems as data for callers that render them', () => {
    try {
      loadConfig(schema, {});
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        { variable: 'KAFKA_BROKERS', reason: 'required' },
        { variable: 'PAN_TOKEN_KEY', reason: 'required' },
      ]);
    }
  });

  it('ignores variables the schema does not name', () => {
    expect(loadConfig(z.object({ PORT: port(1) }), { PORT: '2', OTHER: 'x' })).toEqual({ PORT: 2 });
  });
});
