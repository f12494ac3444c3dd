/** One page of a list: the items on it, its number (1-based, clamped) and the positions shown. */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (0 and 0 for an empty list). */
  first: number;
  last: number;
}

/**
 * The requested page of `all`, from a query-string value: a missing, malformed or out-of-range
 * page gives the nearest real one, so a stale link never shows an empty chart.
 */
export function pageOf<T>(all: readonly T[], requested: string | string[] | undefined, perPage: number): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const asked = typeof requested === "string" && /^\d+$/.test(requested) ? Number(requested) : 1;
  const page = Math.min(Math.max(asked, 1), pages);
  const items = all.slice((page - 1) * perPage, page * perPage);
  return {
    items,
    page,
    pages,
    first: items.length ? (page - 1) * perPage + 1 : 0,
    last: (page - 1) * perPage + items.length,
  };
}
