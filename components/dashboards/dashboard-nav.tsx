import Link from "next/link";

const PAGES = [
  { href: "/dashboards/enrollment", label: "Enrollment" },
  { href: "/dashboards/efficacy", label: "Efficacy" },
  { href: "/dashboards/biomarkers", label: "Biomarkers" },
  { href: "/dashboards/stopping-rules", label: "Stopping rules" },
] as const;

export function DashboardNav({ current }: { current: (typeof PAGES)[number]["href"] }) {
  return (
    <nav className="dashboard-nav" aria-label="Dashboards">
      {PAGES.map((page) => (
        <Link key={page.href} href={page.href} aria-current={page.href === current ? "page" : undefined}>
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
