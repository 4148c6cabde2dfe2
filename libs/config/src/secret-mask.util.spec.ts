import { describeValue, isSecretName, maskUrlCredentials, redactConfig } from './secret-mask.util';

describe('secret masking', () => {
  it.each(['PAN_TOKEN_KEY', 'JWT_SECRET', 'DB_PASSWORD', 'ADMIN_TOKEN', 'DUKPT_BDK_HEX', 'api_key'])('treats %s as secret', (name) => {
    expect(isSecretName(name)).toBe(true);
    expect(describeValue(name, 'abc')).toBe('(value hidden)');
  });

  it.each(['PORT', 'KAFKA_BROKERS', 'LOG_LEVEL'])('shows the value of %s', (name) => {
    expect(describeValue(name, 'abc')).toBe('"abc"');
  });

  it('masks only the password part of URLs, also inside lists', () => {
    expect(maskUrlCredentials('postgres://app:s3cret@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(maskUrlCredentials('redis://:pw@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
    expect(maskUrlCredentials('a://u:1@h,b://v:2@k')).toBe('a://u:***@h,b://v:***@k');
    expect(maskUrlCredentials('http://user@host/path')).toBe('http://user@host/path');
  });

  it('shortens very long values', () => {
    expect(describeValue('NAME', 'x'.repeat(200))).toBe(`"${'x'.repeat(80)}..."`);
  });

  it('redacts a loaded config for a boot log', () => {
    expect(redactConfig({ PORT: 1, DATABASE_URL: 'postgres://a:b@h/d', PAN_KEY: 'k', BROKERS: ['k://u:p@h'], OPT_TOKEN: undefined })).toEqual({
      PORT: 1,
      DATABASE_URL: 'postgres://a:***@h/d',
      PAN_KEY: '***',
      BROKERS: ['k://u:***@h'],
      OPT_TOKEN: undefined,
    });
  });
});
