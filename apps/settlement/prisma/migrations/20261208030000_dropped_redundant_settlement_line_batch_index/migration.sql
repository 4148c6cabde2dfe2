-- A batch's lines are found by "settlement_line_batch_order_idx" (batch, time, transaction, event),
-- whose first column is the batch: the index on the batch alone answered nothing it does not, and
-- cost every insert, and every line a close links to its batch, one more index entry to write.
DROP INDEX "settlement"."settlement_line_batch_idx";
