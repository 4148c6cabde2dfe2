import { MinorUnits } from './minor-units.decorator';

/** A node's limits in minor units of its currency; null (or absent when opening) = no such limit. */
export class NodeLimitsDto {
  @MinorUnits('creditLimit', { description: "how far the node's balance may go below zero (0 when opening without it)" })
  creditLimit?: number;

  @MinorUnits('paymentLimit', { nullable: true, description: 'the most one payment may be; null: no limit' })
  paymentLimit?: number | null;

  @MinorUnits('dailyLimit', { nullable: true, description: "the most the node's payments of one UTC day may sum to; null: no limit" })
  dailyLimit?: number | null;
}
