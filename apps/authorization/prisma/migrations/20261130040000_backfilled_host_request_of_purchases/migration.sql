-- Purchases journaled before the MTI and processing code were recorded were all 0200 / 000000:
-- record that, so a cancel, refund or reversal of them can name the original request.
UPDATE "authorization"."transaction"
SET "host_mti" = '0200', "processing_code" = '000000'
WHERE "operation" = 'purchase' AND "host_sent_at" IS NOT NULL AND "host_mti" IS NULL;
