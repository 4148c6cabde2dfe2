import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { createLogCapture, type LogCapture } from './log-capture.destination';
import { createLogger } from './json-logger.factory';
import { NestJsonLogger } from './nest-json.logger';

const PAN = '6011111111111117';
const MASKED = '601111******1117';

@Controller('v1/cards')
class FailingTestController {
  @Get('lookup')
  lookup(): never {
    throw new Error(`no BIN route for ${PAN}`);
  }
}

@Module({ controllers: [FailingTestController] })
class NestLoggerTestModule {}

describe(NestJsonLogger.name, () => {
  function setup(level = 'trace'): { sut: NestJsonLogger; capture: LogCapture } {
    const capture = createLogCapture();
    return { sut: new NestJsonLogger(createLogger({ service: 'gateway', level, destination: capture.destination }), 'Default'), capture };
  }

  it('maps Nest levels to pino levels and the trailing argument to context', () => {
    const { sut, capture } = setup();
    sut.log('Mapped {/v1/payments, POST} route', 'RouterExplorer');
    sut.warn('slow');
    sut.debug('detail', 'Cache');
    sut.verbose('noise');
    sut.fatal('down', 'Boot');

    expect(capture.entries().map(({ level, msg, context }) => ({ level, msg, context }))).toEqual([
      { level: 'info', msg: 'Mapped {/v1/payments, POST} route', context: 'RouterExplorer' },
      { level: 'warn', msg: 'slow', context: 'Default' },
      { level: 'debug', msg: 'detail', context: 'Cache' },
      { level: 'trace', msg: 'noise', context: 'Default' },
      { level: 'fatal', msg: 'down', context: 'Boot' },
    ]);
  });

  it('writes error(message, stack, context) with the stack field, scrubbed', () => {
    const { sut, capture } = setup();
    const error = new Error(`declined ${PAN}`);
    sut.error(error.message, error.stack, 'ExceptionsHandler');
    sut.error(error);

    const [fromParts, fromError] = capture.entries();
    expect(fromParts).toEqual(expect.objectContaining({ level: 'error', msg: `declined ${MASKED}`, context: 'ExceptionsHandler' }));
    expect(fromParts?.stack).toEqual(expect.stringContaining(`Error: declined ${MASKED}\n    at `));
    expect(fromError).toEqual(expect.objectContaining({ msg: `declined ${MASKED}`, context: 'Default' }));
    expect(capture.text()).not.toContain(PAN);
  });

  it('puts a logged object under data, redacted', () => {
    const { sut, capture } = setup();
    sut.log({ pan: PAN, note: `card ${PAN}` }, 'Payments');
    expect(capture.entries()[0]).toEqual(expect.objectContaining({ context: 'Payments', data: { pan: '[REDACTED]', note: `card ${MASKED}` } }));
  });

  it('follows setLogLevels with the most verbose enabled level', () => {
    const { sut, capture } = setup();
    sut.setLogLevels(['warn', 'error']);
    sut.log('hidden');
    sut.warn('shown');
    sut.setLogLevels([]);
    sut.error('hidden too');
    expect(capture.entries().map((entry) => entry.msg)).toEqual(['shown']);
  });

  describe('as the logger of a Nest application', () => {
    let app: INestApplication;
    let capture: LogCapture;

    beforeAll(async () => {
      capture = createLogCapture();
      const logger = new NestJsonLogger(createLogger({ service: 'gateway', destination: capture.destination }));
      app = await NestFactory.create(NestLoggerTestModule, { logger });
      await app.listen(0, '127.0.0.1');
    });
    afterAll(() => app.close());

    it('writes Nest bootstrap lines as JSON with their context', () => {
      const contexts = capture.entries().map((entry) => entry.context);
      expect(contexts).toEqual(expect.arrayContaining(['NestFactory', 'RoutesResolver', 'RouterExplorer', 'NestApplication']));
      expect(capture.entries().every((entry) => entry.service === 'gateway' && typeof entry.msg === 'string')).toBe(true);
    });

    it('scrubs the PAN from an unexpected error logged by Nest exceptions handler', async () => {
      const response = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/v1/cards/lookup`);
      expect(response.status).toBe(500);

      const logged = capture.entries().find((entry) => entry.context === 'ExceptionsHandler');
      expect(logged).toEqual(expect.objectContaining({ level: 'error', msg: `no BIN route for ${MASKED}` }));
      expect(JSON.stringify(logged)).toContain(`Error: no BIN route for ${MASKED}`);
      expect(capture.text()).not.toContain(PAN);
    });
  });
});
