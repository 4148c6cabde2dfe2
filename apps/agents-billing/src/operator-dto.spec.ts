import { refusalOf } from '@payments/runtime';

import { FundingDto } from './funding/dto/funding.dto';
import { AgentPaymentDto } from './payments/dto/agent-payment.dto';
import { NodeLimitsDto } from './tree/dto/node-limits.dto';
import { OpenDealerDto } from './tree/dto/open-node.dto';
import { CommissionPlanDto } from './commissions/dto/commission-plan.dto';
import { AccountCheckDto } from './payees/dto/account-check.dto';
import { PayeeDto } from './payees/dto/payee.dto';
import { PayeesQueryDto } from './payees/dto/payees-query.dto';

const refusal = async (dto: Parameters<typeof refusalOf>[0], value: unknown, type: 'body' | 'query' = 'body') => (await refusalOf(dto, value, type))?.message;
const ID = '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';

describe('agents operator DTOs', () => {
  it('takes a plan with tiers and clamps, and names each bad nested field by its path', async () => {
    const plan = {
      levels: [{ level: 'agent', percentBasisPoints: 150, fixed: 5, tiers: [{ fromAmount: 10_000, percentBasisPoints: 100 }], min: 1, max: 500 }],
    };
    await expect(refusal(CommissionPlanDto, plan)).resolves.toBeUndefined();
    await expect(refusal(CommissionPlanDto, { levels: [{ level: 'kiosk', percentBasisPoints: 10_001, tiers: [{ fromAmount: -1 }] }] })).resolves.toEqual([
      'levels.0.level: level must be one of dealer, agent, sub-agent',
      'levels.0.percentBasisPoints: percentBasisPoints must be at most 10000 (100 %)',
      'levels.0.tiers.0.fromAmount: fromAmount must be at least 0 minor units',
    ]);
    await expect(refusal(CommissionPlanDto, { levels: [] })).resolves.toEqual([
      'levels: levels must hold at least one level (a level with 0 basis points earns nothing)',
    ]);
  });

  it('refuses amounts that are not whole minor units, or zero where money moves, naming the field', async () => {
    await expect(refusal(FundingDto, { id: ID, amount: 0 })).resolves.toEqual(['amount: amount must be at least 1 minor unit']);
    await expect(refusal(AgentPaymentDto, { id: ID, payeeId: 'p 1', amount: 12.5, currency: 'eur' })).resolves.toEqual([
      'payeeId: payeeId must be 1-64 letters, digits, dots, dashes or underscores',
      'amount: amount must be an integer number of minor units (a JSON number such as 1250)',
      'currency: currency must be an ISO 4217 alphabetic code such as EUR',
      "account: account is required (the payer's account at the payee)",
    ]);
    await expect(refusal(NodeLimitsDto, { creditLimit: 2 ** 53 })).resolves.toEqual([
      `creditLimit: creditLimit must be at most ${Number.MAX_SAFE_INTEGER} minor units`,
    ]);
  });

  it('lets null lift a payment or daily limit, and requires a dealer’s name and currency', async () => {
    await expect(refusal(NodeLimitsDto, { paymentLimit: null, dailyLimit: null })).resolves.toBeUndefined();
    await expect(refusal(OpenDealerDto, { name: ' ' })).resolves.toEqual([
      'currency: currency is required (an ISO 4217 alphabetic code such as EUR)',
      'name: name is required (the name operators know the node by)',
    ]);
  });

  it('takes a payee with its account format, limits and fee, and names each bad nested field by its path', async () => {
    const payee = { name: 'Loans', currency: 'EUR', account: { pattern: '[0-9]{16}', checksum: 'luhn' }, limits: { min: 100, max: 5_000 }, fee: { fixed: 10 } };
    await expect(refusal(PayeeDto, payee)).resolves.toBeUndefined();
    await expect(refusal(PayeeDto, { name: 'Loans', currency: 'EUR', account: { pattern: '.+', checksum: 'none' } })).resolves.toBeUndefined();
    await expect(
      refusal(PayeeDto, { ...payee, status: 'closed', account: { pattern: '', checksum: 'crc' }, limits: { max: 0 }, fee: { percentBasisPoints: 1.5 } }),
    ).resolves.toEqual([
      'status: status must be one of active, suspended',
      'account.pattern: pattern must be 1-200 characters',
      'account.checksum: checksum must be one of none, luhn, mod97, mod11',
      'limits.max: max must be at least 1 minor unit',
      'fee.percentBasisPoints: percentBasisPoints must be a whole number of basis points (150 = 1.5 %)',
    ]);
    await expect(refusal(PayeeDto, { name: 'Loans', currency: 'EUR' })).resolves.toEqual(['account: account is required ({pattern, checksum})']);
    await expect(refusal(PayeeDto, { ...payee, gateway: { baseUrl: 'http://127.0.0.1:8090', publicKey: 'PEM', deadlineMs: 300 } })).resolves.toBeUndefined();
    await expect(refusal(PayeeDto, { ...payee, gateway: { baseUrl: 'ftp://payee', deadlineMs: 99 } })).resolves.toEqual([
      'gateway.baseUrl: baseUrl must be an http or https URL',
      'gateway.publicKey: publicKey is required (an Ed25519 public key, PEM)',
      'gateway.deadlineMs: deadlineMs must be at least 100',
    ]);
  });

  it('takes an account check with or without the amount and currency, and a list filter by status', async () => {
    await expect(refusal(AccountCheckDto, { account: '+420777123456' })).resolves.toBeUndefined();
    await expect(refusal(AccountCheckDto, { account: '+420777123456', amount: 100, currency: 'CZK' })).resolves.toBeUndefined();
    await expect(refusal(AccountCheckDto, { account: '1'.repeat(65), amount: 0, currency: 'czk' })).resolves.toEqual([
      'account: account must be 1-64 characters',
      'amount: amount must be at least 1 minor unit',
      'currency: currency must be an ISO 4217 alphabetic code such as EUR',
    ]);
    await expect(refusal(PayeesQueryDto, { status: 'gone' }, 'query')).resolves.toEqual(['status: status must be one of active, suspended']);
  });
});
