/**
 * What the app worked out from the values typed (a dose, a grade, a response), marked with a badge
 * so it is never mistaken for something entered, and read out by screen readers as it changes
 * (`live`). `as="p"` where the note is one run of text.
 */
export function ComputedNote({
  testId,
  as: Tag = "div",
  live = true,
  badge = "computed",
  children,
}: {
  testId: string;
  as?: "div" | "p";
  live?: boolean;
  badge?: string;
  children: React.ReactNode;
}) {
  return (
    <Tag className="computed" aria-live={live ? "polite" : undefined} data-testid={testId}>
      <span className="computed-badge">{badge}</span> {children}
    </Tag>
  );
}
