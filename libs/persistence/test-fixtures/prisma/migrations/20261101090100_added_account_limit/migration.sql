-- A balance never goes below zero, whatever the client does (checked by the database itself).
ALTER TABLE "persistence_fixture"."account" ADD CONSTRAINT "account_balance_not_negative" CHECK ("balance_minor" >= 0);

-- A function body with semicolons inside dollar quotes: the runner must not split it.
CREATE FUNCTION "persistence_fixture"."account_total"() RETURNS BIGINT LANGUAGE sql AS $body$
  SELECT COALESCE(SUM("balance_minor"), 0)::BIGINT FROM "persistence_fixture"."account"; -- one statement; not two
$body$;
