-- An operation's outcome in one call (one round trip, one commit) on the purchase path: its status
-- change, history row, queued reversal (unknown outcomes) and outbox event. The caller has checked
-- the transition against the Operation's table and made the event from the row version
-- `p_version` (the row's xmin when it read or wrote it); the change applies only while the row is
-- still that version in status `p_from`, otherwise nothing is written and 'stale' comes back.
-- With `p_abandonment_lock`, an approval first takes the per-transaction lock the abandonment
-- consumer takes (namespace 8583, abandonment.repository.ts) and writes nothing when the register
-- gave up ('abandoned'): the caller then decides in a transaction of its own.
-- plpgsql, not one statement: each statement here takes a new snapshot, so the abandonment check
-- sees a report committed while the lock was awaited.
CREATE FUNCTION "authorization"."record_outcome"(
  "p_id" TEXT,
  "p_from" TEXT,
  "p_version" TEXT,
  "p_to" TEXT,
  "p_reason" TEXT,
  "p_response_code" TEXT,
  "p_approval_code" TEXT,
  "p_stan" TEXT,
  "p_rrn" TEXT,
  "p_balance_minor" BIGINT,
  "p_abandonment_lock" BOOLEAN,
  "p_reversal_reason" TEXT,
  "p_outbox_id" UUID,
  "p_topic" TEXT,
  "p_message_key" TEXT,
  "p_payload" JSONB,
  "p_headers" JSONB,
  "p_channel" TEXT
) RETURNS TABLE ("result" TEXT, "updated_at" TIMESTAMPTZ)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  "v_updated_at" TIMESTAMPTZ;
BEGIN
  IF "p_abandonment_lock" THEN
    PERFORM pg_advisory_xact_lock(8583, hashtext("p_id"));
    IF EXISTS (SELECT 1 FROM "authorization"."abandonment" AS a WHERE a."transaction_id" = "p_id"::uuid) THEN
      RETURN QUERY SELECT 'abandoned'::text, NULL::timestamptz;
      RETURN;
    END IF;
  END IF;
  UPDATE "authorization"."transaction" AS t
     SET "status" = "p_to",
         "status_reason" = "p_reason",
         "response_code" = "p_response_code",
         "approval_code" = COALESCE("p_approval_code", t."approval_code"),
         "stan" = COALESCE("p_stan", t."stan"),
         "rrn" = COALESCE("p_rrn", t."rrn"),
         "balance_minor" = COALESCE("p_balance_minor", t."balance_minor"),
         "updated_at" = statement_timestamp()
   WHERE t."id" = "p_id"::uuid AND t."status" = "p_from" AND t."xmin"::text = "p_version"
  RETURNING t."updated_at" INTO "v_updated_at";
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'stale'::text, NULL::timestamptz;
    RETURN;
  END IF;
  INSERT INTO "authorization"."transaction_status_change" ("transaction_id", "status", "response_code", "reason")
  VALUES ("p_id"::uuid, "p_to", "p_response_code", "p_reason");
  IF "p_reversal_reason" IS NOT NULL THEN
    INSERT INTO "authorization"."reversal" ("transaction_id", "status", "reason") VALUES ("p_id"::uuid, 'pending', "p_reversal_reason");
  END IF;
  IF "p_outbox_id" IS NOT NULL THEN
    INSERT INTO "authorization"."outbox_message" ("id", "topic", "message_key", "payload", "headers")
    VALUES ("p_outbox_id", "p_topic", "p_message_key", "p_payload", "p_headers");
    PERFORM pg_notify("p_channel", '');
  END IF;
  RETURN QUERY SELECT 'recorded'::text, "v_updated_at";
END
$$;
