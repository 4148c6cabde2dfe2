-- The acquirer a transaction was routed to, so its cancel, refund, completion, reversal and
-- close-of-day totals go to the same host. NULL on rows journaled before routing: the default
-- acquirer, the only one there was.
ALTER TABLE "authorization"."transaction" ADD COLUMN "acquirer_id" TEXT;
