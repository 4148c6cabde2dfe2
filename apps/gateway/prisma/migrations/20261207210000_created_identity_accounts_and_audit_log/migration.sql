-- Accounts of the people who run the platform (realm 'operator'; a later audience, an e-shop's
-- staff, gets realm 'staff'): a role each, an scrypt password hash and a TOTP secret.
CREATE TABLE "gateway"."identity_account" (
    "id" UUID PRIMARY KEY,
    "realm" TEXT NOT NULL CHECK ("realm" IN ('operator', 'staff')),
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" TEXT NOT NULL CHECK ("role" IN ('admin', 'support', 'risk', 'finance', 'auditor')),
    "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
    "password_hash" TEXT NOT NULL,
    "totp_secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "identity_account_realm_username_key" UNIQUE ("realm", "username")
);

-- Every operator action (who, role, what, on what, how it ended, when, from where, before and
-- after), each row hashed with the previous row's hash: append-only, and a changed or removed row
-- breaks the chain the verification walks. seq is given by the appender under a table lock.
CREATE TABLE "gateway"."audit_log" (
    "seq" BIGINT PRIMARY KEY,
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "realm" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "role" TEXT,
    "action" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "outcome" TEXT NOT NULL CHECK ("outcome" IN ('allowed', 'denied', 'failed')),
    "service" TEXT NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "before" JSONB,
    "after" JSONB,
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,
    CONSTRAINT "audit_log_id_key" UNIQUE ("id"),
    CONSTRAINT "audit_log_hash_key" UNIQUE ("hash")
);
CREATE INDEX "audit_log_actor_idx" ON "gateway"."audit_log" ("actor_id", "seq");
CREATE INDEX "audit_log_at_idx" ON "gateway"."audit_log" ("at");

CREATE FUNCTION "gateway"."refuse_audit_log_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "gateway"."audit_log"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."refuse_audit_log_change"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "gateway"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway"."refuse_audit_log_change"();
