-- The recovery pass runs every second: it looks for attempts left pending (by their last change)
-- and for approved preauthorizations past their expiry. Partial indexes keep both lookups to the
-- few rows they concern instead of scanning the whole journal.
CREATE INDEX "transaction_pending_updated_at_idx" ON "authorization"."transaction" ("updated_at") WHERE "status" = 'pending';
CREATE INDEX "transaction_open_preauthorization_expires_at_idx" ON "authorization"."transaction" ("expires_at") WHERE "operation" = 'preauthorization' AND "status" = 'approved';
