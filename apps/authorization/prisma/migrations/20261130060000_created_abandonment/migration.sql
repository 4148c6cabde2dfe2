-- Transactions whose register never learned the outcome (its deadline passed, or its connection
-- closed first), as the gateway reported them. Keyed by transaction id and not tied to the
-- journal: the report may arrive before the request it names has been journaled. While a
-- money-moving operation is named here, its approval is recorded as unknown and reversed.
CREATE TABLE "authorization"."abandonment" (
  "transaction_id" UUID NOT NULL,
  "terminal_id" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "abandoned_at" TIMESTAMPTZ(3) NOT NULL,
  "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "abandonment_pkey" PRIMARY KEY ("transaction_id")
);
