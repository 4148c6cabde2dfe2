import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { PAYEE_ID, PAYEE_ID_RULE } from '../commissions/dto/payee-id';
import type { Payee } from '../payees/payee';
import { PayeeRepository } from '../payees/payee.repository';
import { DeliverRegistryUseCase } from './deliver-registry.usecase';
import { isRealDay } from './dto/registry-day.decorator';
import { MakeRegistryDto, RegistriesQueryDto, RegistrySettingsDto } from './dto/registry-settings.dto';
import { MakeRegistryUseCase, RegistryMismatchError } from './make-registry.usecase';
import {
  minuteOfDay,
  type PayeeRegistry,
  REGISTRY_GRACE_MS,
  type RegistryAttempt,
  registryOpensAt,
  type RegistrySettings,
  timeOfDay,
  utcDayOf,
} from './registry';
import { registryLayoutProblem } from './registry-layout.check';
import { RegistryRepository } from './registry.repository';
import { RegistrySettingsRepository } from './registry-settings.repository';
import { RegistrySigner } from './registry-signer';

const LIST_LIMIT = 366;

function settingsResponseOf(settings: RegistrySettings) {
  return {
    payeeId: settings.payeeId,
    layout: settings.layout,
    folder: settings.folder,
    dueAfter: timeOfDay(settings.dueAfterMinute),
    fromDay: settings.fromDay,
    createdAt: settings.createdAt.toISOString(),
    updatedAt: settings.updatedAt.toISOString(),
  };
}

function registryResponseOf(registry: PayeeRegistry, attempts?: readonly RegistryAttempt[]) {
  return {
    payeeId: registry.payeeId,
    day: registry.businessDay,
    sequence: registry.sequence,
    fileName: registry.fileName,
    madeAt: registry.madeAt.toISOString(),
    lineCount: registry.lineCount,
    total: registry.total.toString(),
    currency: registry.currency,
    sha256: registry.sha256,
    byteLength: registry.byteLength,
    signature: { algorithm: registry.signatureAlgorithm, keyId: registry.signingKeyId, base64: registry.signature.toString('base64') },
    delivery: {
      status: registry.deliveredAt ? 'delivered' : 'pending',
      deliveredAt: registry.deliveredAt?.toISOString() ?? null,
      destination: registry.destination,
      attempts: registry.attempts,
      lastError: registry.lastError,
      nextAttemptAt: registry.deliveredAt ? null : registry.nextAttemptAt.toISOString(),
      ...(attempts && {
        history: attempts.map((a) => ({ attemptedAt: a.attemptedAt.toISOString(), outcome: a.outcome, destination: a.destination, error: a.error })),
      }),
    },
  };
}

/** Registries per payee and UTC day: the payee's settings, making and (re-)sending one, the list, the file, its signature, and the key to check it. */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents')
export class RegistriesController {
  constructor(
    private readonly payees: PayeeRepository,
    private readonly settings: RegistrySettingsRepository,
    private readonly registries: RegistryRepository,
    private readonly make: MakeRegistryUseCase,
    private readonly deliver: DeliverRegistryUseCase,
    @Inject(RegistrySigner) private readonly signer: RegistrySigner,
  ) {}

  @Get('registries/signing-key')
  @ApiOperation({ summary: "The public key (SPKI PEM) that verifies every registry's .sig, as operators give it to payees" })
  signingKey() {
    return { algorithm: this.signer.algorithm, keyId: this.signer.keyId, publicKeyPem: this.signer.publicKeyPem };
  }

  @Put('payees/:payeeId/registry-settings')
  @ApiOperation({
    summary: "Set a payee's registry settings whole: layout (a file-layout definition or a shipped name), folder, dueAfter (HH:MM UTC), fromDay",
  })
  @ApiErrorResponses(400, 404)
  async putSettings(@Param('payeeId') payeeId: string, @Body() body: RegistrySettingsDto, @Res({ passthrough: true }) response: Response) {
    const payee = await this.known(payeeId);
    const layout = await registryLayoutProblem(body.layout, payeeId, payee.currency);
    if ('problem' in layout) throw new BadRequestException(layout.problem);
    const input = { payeeId, layout: layout.definition, folder: body.folder ?? '', dueAfterMinute: minuteOfDay(body.dueAfter) ?? 0, fromDay: body.fromDay };
    const { settings, created } = await this.settings.put(input, utcDayOf(new Date()));
    response.status(created ? 201 : 200);
    return settingsResponseOf(settings);
  }

  @Get('payees/:payeeId/registry-settings')
  @ApiOperation({ summary: "A payee's registry settings" })
  @ApiErrorResponses(400, 404)
  async getSettings(@Param('payeeId') payeeId: string) {
    await this.known(payeeId);
    const settings = await this.settings.find(payeeId);
    if (!settings) throw new NotFoundException(`payeeId: payee ${payeeId} has no registry settings`);
    return settingsResponseOf(settings);
  }

  @Post('payees/:payeeId/registries')
  @ApiOperation({
    summary:
      "Make a payee's registry of a UTC day that is over (201), or find the one recorded (200, the same bytes or 409 when the day's payments changed since), and deliver it now",
  })
  @ApiErrorResponses(400, 404, 409, 422)
  async makeAndDeliver(@Param('payeeId') payeeId: string, @Body() body: MakeRegistryDto, @Res({ passthrough: true }) response: Response) {
    this.checkPayeeId(payeeId);
    const now = new Date();
    const outcome = await this.make.execute(payeeId, body.day, now);
    switch (outcome.kind) {
      case 'payee_not_found':
        throw new NotFoundException(`payeeId: no payee ${payeeId} in the catalogue`);
      case 'no_settings':
        throw new UnprocessableEntityException(`payeeId: payee ${payeeId} has no registry settings (PUT /v1/agents/payees/${payeeId}/registry-settings)`);
      case 'day_not_over':
        throw new UnprocessableEntityException(
          `day: ${body.day} is not over yet (UTC); its registry can be made from ${registryOpensAt(body.day).toISOString()} (its end plus ${REGISTRY_GRACE_MS / 60_000} minutes)`,
        );
      case 'refused':
        throw new ConflictException(outcome.message);
      case 'made':
      case 'existing': {
        const { registry } = await this.deliver.execute(outcome.registry, now);
        response.status(outcome.kind === 'made' ? 201 : 200);
        return registryResponseOf(registry, await this.registries.attemptsOf(registry.id));
      }
    }
  }

  @Get('payees/:payeeId/registries')
  @ApiOperation({ summary: "A payee's registries, newest day first (at most 366), optionally from a day on" })
  @ApiErrorResponses(400, 404)
  async list(@Param('payeeId') payeeId: string, @Query() query: RegistriesQueryDto) {
    await this.known(payeeId);
    return (await this.registries.list(payeeId, query.from, LIST_LIMIT)).map((registry) => registryResponseOf(registry));
  }

  @Get('payees/:payeeId/registries/:day')
  @ApiOperation({ summary: 'A registry with its delivery attempts' })
  @ApiErrorResponses(400, 404)
  async get(@Param('payeeId') payeeId: string, @Param('day') day: string) {
    const registry = await this.recorded(payeeId, day);
    return registryResponseOf(registry, await this.registries.attemptsOf(registry.id));
  }

  @Get('payees/:payeeId/registries/:day/content')
  @ApiOperation({ summary: "The registry's file, written again from its day's payments: the bytes recorded (409 when the payments changed since)" })
  @ApiErrorResponses(400, 404, 409)
  async content(@Param('payeeId') payeeId: string, @Param('day') day: string, @Res() response: Response) {
    const registry = await this.recorded(payeeId, day);
    try {
      const { bytes } = await this.make.regenerate(registry);
      response.status(200).type('application/octet-stream').attachment(registry.fileName).send(bytes);
    } catch (error) {
      if (error instanceof RegistryMismatchError) throw new ConflictException(error.message);
      throw error;
    }
  }

  @Get('payees/:payeeId/registries/:day/signature')
  @ApiOperation({ summary: "The registry's detached signature, the bytes of its .sig" })
  @ApiErrorResponses(400, 404)
  async signature(@Param('payeeId') payeeId: string, @Param('day') day: string, @Res() response: Response) {
    const registry = await this.recorded(payeeId, day);
    response.status(200).type('application/octet-stream').attachment(`${registry.fileName}.sig`).send(registry.signature);
  }

  private async recorded(payeeId: string, day: string): Promise<PayeeRegistry> {
    await this.known(payeeId);
    if (!isRealDay(day)) throw new BadRequestException('day must be a day YYYY-MM-DD (UTC) that exists');
    const registry = await this.registries.find(payeeId, day);
    if (!registry) throw new NotFoundException(`day: payee ${payeeId} has no registry for ${day}`);
    return registry;
  }

  private checkPayeeId(payeeId: string): void {
    if (!PAYEE_ID.test(payeeId)) throw new BadRequestException(`payeeId: ${PAYEE_ID_RULE}`);
  }

  private async known(payeeId: string): Promise<Payee> {
    this.checkPayeeId(payeeId);
    const payee = await this.payees.find(payeeId);
    if (!payee) throw new NotFoundException(`payeeId: no payee ${payeeId} in the catalogue`);
    return payee;
  }
}
