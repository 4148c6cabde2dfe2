-- When a caller last took a reserved voucher sale to post it (the reservation itself is the first
-- take). The worker that releases a sale left reserved releases it only while nobody took it since
-- it looked (the same claimed_at), so a retry that posts it and the release never both happen.
ALTER TABLE "agents_billing"."voucher_sale" ADD COLUMN "claimed_at" TIMESTAMPTZ(3);
