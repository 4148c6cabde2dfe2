-- The outbox relay deletes a row once it is published (the topic keeps the message; nothing reads
-- a published row). Rows an earlier relay marked published instead stayed for good: remove them.
DELETE FROM "gateway"."outbox_message" WHERE "published_at" IS NOT NULL;
