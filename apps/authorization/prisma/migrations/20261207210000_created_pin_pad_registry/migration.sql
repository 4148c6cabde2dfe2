-- The PIN pad registry: every thin PIN pad the server takes card data from, by its serial number
-- and the key it was loaded with (BDK id + initial KSN: the KSN with its counter cleared), bound to
-- one register (terminal). A pad that is not here, or is blocked, is refused. `last_counter` is the
-- highest DUKPT transaction counter the server has accepted: a KSN at or below it is a replay
-- (unless it is the same transaction asked again, `last_transaction_id`).
CREATE TABLE "authorization"."pin_pad_device" (
    "serial_number" TEXT NOT NULL,
    "device_key" TEXT NOT NULL,
    "bdk_id" TEXT NOT NULL,
    "initial_ksn" TEXT NOT NULL,
    "key_scheme" TEXT NOT NULL CHECK ("key_scheme" IN ('tdes', 'aes')),
    "terminal_id" TEXT NOT NULL,
    "shop_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
    "status_reason" TEXT,
    "last_counter" BIGINT NOT NULL DEFAULT 0 CHECK ("last_counter" >= 0),
    "last_transaction_id" UUID,
    "last_used_at" TIMESTAMPTZ(3),
    "registered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pin_pad_device_pkey" PRIMARY KEY ("serial_number")
);
CREATE UNIQUE INDEX "pin_pad_device_device_key_key" ON "authorization"."pin_pad_device"("device_key");
CREATE INDEX "pin_pad_device_terminal_id_idx" ON "authorization"."pin_pad_device"("terminal_id");
