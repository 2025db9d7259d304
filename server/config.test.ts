import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('server settings from the environment', () => {
  it('prepares statements unless told not to (a pooler that cannot carry them)', () => {
    expect(configFromEnv({}).databasePreparedStatements).toBe(true);
    for (const off of ['0', 'false', 'OFF']) expect(configFromEnv({ DATABASE_PREPARED_STATEMENTS: off }).databasePreparedStatements).toBe(false);
    expect(configFromEnv({ DATABASE_PREPARED_STATEMENTS: 'on' }).databasePreparedStatements).toBe(true);
  });

  it('refuses a port or a pool size that is not a number', () => {
    expect(() => configFromEnv({ PORT: 'delapan' })).toThrow(/PORT/);
    expect(() => configFromEnv({ DATABASE_POOL_MAX: '-1' })).toThrow(/DATABASE_POOL_MAX/);
    expect(configFromEnv({ DATABASE_POOL_MAX: '30' }).databasePoolMax).toBe(30);
  });
});
