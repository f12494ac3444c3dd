import Link from "next/link";
import styles from "./work.module.css";

/** Previous/next links that keep the page's filters; says which rows of how many are shown. */
export function Pager({
  basePath,
  params,
  page,
  pageSize,
  total,
  what,
}: {
  basePath: string;
  params: Record<string, string | number | undefined>;
  page: number;
  pageSize: number;
  total: number;
  what: string;
}) {
  const href = (to: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== undefined && value !== "") query.set(key, String(value));
    query.set("page", String(to));
    return `${basePath}?${query.toString()}`;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className={styles.pager} aria-label={`Pages of ${what}`}>
      <span data-testid="pager-range">
        {first}-{last} of {total} {what}
      </span>
      {page > 1 ? <Link href={href(page - 1)}>Previous page</Link> : null}
      {last < total ? <Link href={href(page + 1)}>Next page</Link> : null}
    </nav>
  );
}
