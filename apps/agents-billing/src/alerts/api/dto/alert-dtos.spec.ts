import { refusalOf } from '@payments/runtime';

import { AlertContactDto } from './alert-contact.dto';
import { AlertRuleDto } from './alert-rule.dto';

const refusal = async (dto: Parameters<typeof refusalOf>[0], value: unknown) => (await refusalOf(dto, value, 'body'))?.message;

describe('alert DTOs', () => {
  it('take a rule with each kind of recipient', async () => {
    const rule = {
      kind: 'low-balance',
      nodeId: '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b',
      belowAvailable: 5000,
      recipients: [{ type: 'email', address: 'ops@example.com' }, { type: 'webhook', url: 'http://127.0.0.1:8080/hook' }, { type: 'dealer' }],
    };
    await expect(refusal(AlertRuleDto, rule)).resolves.toBeUndefined();
  });

  it('name each bad field of a rule, nested recipients by their path', async () => {
    await expect(
      refusal(AlertRuleDto, {
        kind: 'weather',
        nodeId: 'north',
        belowAvailable: 1.5,
        creditUsedPercent: 101,
        recipients: [{ type: 'email', address: 'not-mail' }, { type: 'webhook', url: 'ftp://x/y' }, { type: 'sms' }],
      }),
    ).resolves.toEqual([
      'kind: kind must be one of low-balance, limit-nearly-used, payee-gateway-down, registry-not-delivered, voucher-stock-low',
      'nodeId: nodeId must be a UUID',
      'belowAvailable: belowAvailable must be an integer number of minor units (a JSON number such as 1250)',
      'creditUsedPercent: creditUsedPercent must be at most 100',
      'recipients.0.address: address must be an email address (type email)',
      'recipients.1.url: url must be an http(s) URL (type webhook)',
      'recipients.2.type: type must be one of email, webhook, dealer',
    ]);
    await expect(refusal(AlertRuleDto, { kind: 'low-balance' })).resolves.toEqual([
      'recipients: recipients is required (an array; [] records the alerts without telling anyone)',
    ]);
  });

  it("name a dealer contact's bad email or URL", async () => {
    await expect(refusal(AlertContactDto, { email: 'north', webhookUrl: 'north.example.com/hook' })).resolves.toEqual([
      'email: email must be an email address',
      'webhookUrl: webhookUrl must be an http(s) URL',
    ]);
  });
});
