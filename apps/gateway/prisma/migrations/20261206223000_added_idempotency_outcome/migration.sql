-- The idempotency record keeps the domain outcome (approved, declined, rejected, prompt, outcome
-- unknown, a close of day's reply) instead of the REST response, so a key first used over REST
-- replays over gRPC in gRPC's shape, and the reverse. Rows written before keep response_status
-- and response_body, which the gateway still reads when outcome is null (also rows an instance
-- of the previous version writes during a rolling upgrade); nothing is converted or dropped.
ALTER TABLE "gateway"."idempotency_record" ADD COLUMN "outcome" JSONB;
