/**
 * An id as the database makes them (RFC 9562 UUID text form). Checked before a query so a
 * malformed id is "not found" like a missing one instead of a PostgreSQL cast error.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
