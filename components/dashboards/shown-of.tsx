/** Rows a dashboard list shows at most: past a few hundred a page weighs megabytes and nobody reads it. */
export const DASHBOARD_ROW_LIMIT = 100;

/** Says what a shortened list leaves out and how to reach it; nothing when the list is whole. */
export function ShownOf({ shown, total, what, hint }: { shown: number; total: number; what: string; hint: string }) {
  if (shown >= total) return null;
  return (
    <p className="muted" data-testid="shown-of">
      Showing the first {shown} of {total} {what}. {hint}
    </p>
  );
}
