-- STAN (ISO 8583 DE 11) and RRN (DE 37) sequences per acquirer, reserved in blocks so that a
-- restarted process continues after the last reserved number and never reuses a STAN before the
-- counter wraps from 999999 to 000001.
CREATE TABLE "authorization"."host_sequence" (
    "acquirer_id" TEXT NOT NULL,
    "last_stan" INTEGER NOT NULL DEFAULT 0 CHECK ("last_stan" BETWEEN 0 AND 999999),
    "last_rrn_sequence" INTEGER NOT NULL DEFAULT 0 CHECK ("last_rrn_sequence" BETWEEN 0 AND 999999),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "host_sequence_pkey" PRIMARY KEY ("acquirer_id")
);
