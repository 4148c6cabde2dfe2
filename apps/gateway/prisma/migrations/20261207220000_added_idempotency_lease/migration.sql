-- A record in progress is held by the gateway that took its request, from created_at (or from
-- leased_at once another gateway took it over). Past the lease (the register's deadline plus a
-- margin) its gateway is taken to have stopped, and the next request with the key may take it
-- over, once: the conditional update of leased_at is the guard. Null on every existing row.
ALTER TABLE "gateway"."idempotency_record" ADD COLUMN "leased_at" TIMESTAMPTZ(3);
