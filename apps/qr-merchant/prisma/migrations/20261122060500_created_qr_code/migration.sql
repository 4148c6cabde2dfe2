-- Its first table: merchant-generated QR codes and payment links (EMV QR comes with its issue).
CREATE SCHEMA IF NOT EXISTS "qr_merchant";

CREATE TABLE "qr_merchant"."qr_code" (
    "id" UUID NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "amount_minor" BIGINT,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "qr_code_pkey" PRIMARY KEY ("id")
);
