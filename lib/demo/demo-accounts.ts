import type { Role } from "@/lib/generated/prisma/enums";

/** Demo data for trying the app; created only by the demo seed, never in production mode. */
export const DEMO_PASSWORD = "trial-demo-2026";

export const DEMO_SITES = [
  {
    code: "TW01",
    name: "National Taiwan University Hospital",
    city: "Taipei",
    country: "Taiwan",
    timeZone: "Asia/Taipei",
    targetEnrollment: 20,
  },
  {
    code: "TW02",
    name: "Kaohsiung Medical University Hospital",
    city: "Kaohsiung",
    country: "Taiwan",
    timeZone: "Asia/Taipei",
    targetEnrollment: 12,
  },
  {
    code: "TW03",
    name: "China Medical University Hospital",
    city: "Taichung",
    country: "Taiwan",
    timeZone: "Asia/Taipei",
    targetEnrollment: 11,
  },
] as const;

type SiteCode = (typeof DEMO_SITES)[number]["code"];

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** null: the role applies at every site. */
  siteCode: SiteCode | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "investigator1@demo.test", name: "Dr. Lin (investigator, Taipei)", role: "INVESTIGATOR", siteCode: "TW01" },
  {
    email: "investigator2@demo.test",
    name: "Dr. Chen (investigator, Kaohsiung)",
    role: "INVESTIGATOR",
    siteCode: "TW02",
  },
  {
    email: "investigator3@demo.test",
    name: "Dr. Wang (investigator, Taichung)",
    role: "INVESTIGATOR",
    siteCode: "TW03",
  },
  { email: "coordinator@demo.test", name: "Ms. Huang (coordinator)", role: "COORDINATOR", siteCode: null },
  {
    email: "pi@demo.test",
    name: "Prof. Cheng (principal investigator)",
    role: "PRINCIPAL_INVESTIGATOR",
    siteCode: null,
  },
  { email: "monitor@demo.test", name: "Mr. Wu (monitor)", role: "MONITOR", siteCode: null },
  { email: "admin@demo.test", name: "Ms. Lee (administrator)", role: "ADMIN", siteCode: null },
];
