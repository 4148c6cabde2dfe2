-- One RRN (ISO 8583 DE 37) sequence for all acquirers, under the key '*' (no acquirer id can be
-- '*'): two acquirers never issue the same RRN. It starts after the highest sequence any acquirer
-- reached, so an RRN issued before this change is not issued again within the same hour.
INSERT INTO "authorization"."host_sequence" ("acquirer_id", "last_rrn_sequence")
SELECT '*', COALESCE(MAX("last_rrn_sequence"), 0) FROM "authorization"."host_sequence"
ON CONFLICT ("acquirer_id") DO NOTHING;
