import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Body, Controller, INestApplication, Module, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, ValidateNested } from 'class-validator';

import { createNestApp } from './nest-app.factory';

class Anything {}

class EchoDto {
  @ApiProperty()
  @IsInt()
  amount!: number;

  @ApiProperty()
  @ValidateNested()
  card?: Anything;
}

@Controller('echo')
class EchoController {
  @Post()
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

const silent = { log: () => undefined, error: () => undefined, warn: () => undefined };

describe(createNestApp.name, () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await createNestApp(EchoModule, { title: 'echo', logger: silent });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}/echo`;
  });

  afterAll(() => app.close());

  const post = async (body: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers a body nested 3,000 deep (12 KB) with a 400, not a stack overflow', async () => {
    const deep = `{"amount":1,"card":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`;
    await expect(post(deep)).resolves.toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'body: JSON nested deeper than 32 levels is refused' },
    });
  });

  it('still validates and answers an ordinary body', async () => {
    await expect(post('{"amount":1}')).resolves.toEqual({ status: 201, body: { amount: 1 } });
    await expect(post('{"amount":"1"}')).resolves.toMatchObject({ status: 400, body: { message: [expect.stringMatching(/^amount: /)] } });
  });

  it('keeps answering malformed JSON with a 400', async () => {
    await expect(post('{"amount":')).resolves.toMatchObject({ status: 400 });
  });
});
