-- Registries: per payee and UTC day, the file of the payments that reached their final paid state
-- (posted) that day, in the payee's layout (a file-layout definition, kept as data), signed and
-- delivered by the file-delivery port. A registry is recorded once with what makes its bytes
-- (the layout, the moment of its first making, its sequence) and what they came to (SHA-256, count,
-- total, signature), so a re-run gives the same bytes or is refused.
CREATE TABLE "agents_billing"."payee_registry_setting" (
    "payee_id" TEXT NOT NULL,
    "layout" JSONB NOT NULL,
    "folder" TEXT NOT NULL,
    "due_after_minute" INTEGER NOT NULL,
    "from_day" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payee_registry_setting_pkey" PRIMARY KEY ("payee_id"),
    CONSTRAINT "payee_registry_setting_due_after_minute" CHECK ("due_after_minute" BETWEEN 0 AND 1439)
);

CREATE TABLE "agents_billing"."payee_registry" (
    "id" UUID NOT NULL,
    "payee_id" TEXT NOT NULL,
    "business_day" DATE NOT NULL,
    "sequence" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "layout" JSONB NOT NULL,
    "currency" TEXT NOT NULL,
    "made_at" TIMESTAMPTZ(3) NOT NULL,
    "sha256" TEXT NOT NULL,
    "byte_length" INTEGER NOT NULL,
    "line_count" INTEGER NOT NULL,
    "total" BIGINT NOT NULL,
    "signature" TEXT NOT NULL,
    "signature_algorithm" TEXT NOT NULL,
    "signing_key_id" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "delivered_at" TIMESTAMPTZ(3),
    "destination" TEXT,
    CONSTRAINT "payee_registry_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "payee_registry_payee_day_key" ON "agents_billing"."payee_registry"("payee_id", "business_day");
CREATE UNIQUE INDEX "payee_registry_payee_sequence_key" ON "agents_billing"."payee_registry"("payee_id", "sequence");
CREATE INDEX "payee_registry_undelivered_idx" ON "agents_billing"."payee_registry"("next_attempt_at") WHERE "delivered_at" IS NULL;

CREATE TABLE "agents_billing"."payee_registry_attempt" (
    "id" UUID NOT NULL,
    "registry_id" UUID NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "error" TEXT,
    CONSTRAINT "payee_registry_attempt_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payee_registry_attempt_registry_fkey" FOREIGN KEY ("registry_id") REFERENCES "agents_billing"."payee_registry"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "payee_registry_attempt_outcome_known" CHECK ("outcome" IN ('delivered', 'already-delivered', 'failed'))
);
CREATE INDEX "payee_registry_attempt_registry_idx" ON "agents_billing"."payee_registry_attempt"("registry_id", "attempted_at");

-- A payee's payments by the moment they were posted: what a day's registry reads.
CREATE INDEX "agent_payment_payee_posted_idx" ON "agents_billing"."agent_payment"("payee_id", "posted_at");
