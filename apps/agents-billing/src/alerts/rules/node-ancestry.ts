/**
 * A recursive CTE `up` walking from the nodes of `seed` (a CTE with an "id" column defined before
 * it) to their dealer: the row with "parent_id" IS NULL holds each seed node's "path", its ids from
 * the dealer down to the node, comma-separated in "path_text".
 */
export const ANCESTRY_CTE = `up AS (
    SELECT s."id" AS "node_id", n."parent_id", ARRAY[s."id"] AS "path" FROM seed s JOIN "agent_node" n ON n."id" = s."id"
    UNION ALL
    SELECT up."node_id", a."parent_id", a."id" || up."path" FROM up JOIN "agent_node" a ON a."id" = up."parent_id"
  ), ancestry AS (SELECT "node_id", array_to_string("path", ',') AS "path_text" FROM up WHERE "parent_id" IS NULL)`;

export const pathOf = (pathText: unknown): string[] => String(pathText).split(',');
