import { Body, Controller, Get, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import type { Alert } from '../alert';
import { AlertSignals } from '../alert-signals';
import { AlertDeliveryRepository } from '../delivery/alert-delivery.repository';
import { AlertContactDto } from './dto/alert-contact.dto';
import { AlertContactRepository } from '../rules/alert-contact.repository';

const OPEN_ALERTS_SHOWN = 1000;

const alertResponseOf = (alert: Alert) => ({
  ...alert,
  raisedAt: alert.raisedAt.toISOString(),
  lastSeenAt: alert.lastSeenAt.toISOString(),
  resolvedAt: alert.resolvedAt?.toISOString() ?? null,
});

/** Operators' view of the alerts: the open ones, what was delivered for one, and where a dealer is told. */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents')
export class AlertsController {
  constructor(
    private readonly alerts: AlertSignals,
    private readonly deliveries: AlertDeliveryRepository,
    private readonly contacts: AlertContactRepository,
  ) {}

  @Get('alerts')
  @ApiOperation({ summary: `The open alerts, oldest first (at most ${OPEN_ALERTS_SHOWN})` })
  async open() {
    return (await this.alerts.open(OPEN_ALERTS_SHOWN)).map(alertResponseOf);
  }

  @Get('alerts/:alertId/deliveries')
  @ApiOperation({ summary: "An alert's deliveries: per recipient and event (raised, resolved), the status, attempts and last error" })
  @ApiErrorResponses(400, 404)
  async deliveriesOf(@Param('alertId', uuidParam('alertId')) alertId: string) {
    const alert = await this.alerts.find(alertId);
    if (!alert) throw new NotFoundException(`alertId: no alert ${alertId}`);
    return {
      alert: alertResponseOf(alert),
      deliveries: (await this.deliveries.ofAlert(alertId)).map((d) => ({
        ...d,
        nextAttemptAt: d.nextAttemptAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        createdAt: d.createdAt.toISOString(),
      })),
    };
  }

  @Put('nodes/:id/alert-contact')
  @ApiOperation({ summary: "Where the node is told as a dealer (the rules' dealer recipient): email and/or webhook URL, set whole" })
  @ApiErrorResponses(400, 404)
  async putContact(@Param('id', uuidParam('id')) nodeId: string, @Body() body: AlertContactDto) {
    try {
      return await this.contacts.put({ nodeId, email: body.email ?? null, webhookUrl: body.webhookUrl ?? null });
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === '23503') throw new NotFoundException(`id: no node ${nodeId}`);
      throw error;
    }
  }
}
