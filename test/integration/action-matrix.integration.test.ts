import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { saveCrfRecord, deleteCrfRecord } from "@/lib/data/crf-records";
import { openDataQuery, replyToDataQuery } from "@/lib/data/data-queries";
import { enrollPatient, recordScreenFailure } from "@/lib/data/enrollment";
import { verifyField } from "@/lib/data/field-verification";
import { markSourceVerified, setPatientLock, signCrfRecord, unsignCrfRecord } from "@/lib/data/form-review";
import { registerPatient } from "@/lib/data/patients";
import { recordToxicityReview } from "@/lib/data/toxicity-review";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { DEMO_ACTOR_NAMES, type DemoActorName } from "./demo-actors";
import { eligibilityRequest } from "./new-record";
import { adverseEvent, recordAdverseEvent } from "./toxicity-fixtures";
import { withDemoDatabase } from "./with-demo-database";

/**
 * Every server action's data function, as every role, against a patient of the caller's own
 * site and of another site: "allow", "deny" (403: visible but not permitted) or "hidden"
 * (404: exactly like a patient that does not exist). The pages and API routes have the same
 * matrix over HTTP in e2e/access-matrix.ts.
 */
type Outcome = "allow" | "deny" | "hidden";
type SiteCode = "TW01" | "TW02";

const { actors, sites } = withDemoDatabase();
const answers = eligibleAnswers();
const investigatorOf: Record<SiteCode, Actor> = {} as Record<SiteCode, Actor>;

/** A fresh patient with a complete eligibility form (and, when asked, a signed form or an open query). */
async function target(
  site: SiteCode,
  extra: { signed?: boolean; query?: "OPEN" | "ANSWERED"; gradeThreeEvent?: boolean } = {},
) {
  const investigator = investigatorOf[site];
  const patient = await registerPatient(investigator, { siteId: sites[site], screeningDate: "2026-03-02" });
  const record = await saveCrfRecord(
    investigator,
    eligibilityRequest(patient.id, { consentDate: "2026-03-01", answers }),
  );
  if (extra.signed)
    await signCrfRecord(investigator, { patientId: patient.id, recordId: record.id, password: DEMO_PASSWORD });
  let queryId = "";
  if (extra.query) {
    queryId = (
      await openDataQuery(actors.coordinator, {
        patientId: patient.id,
        recordId: record.id,
        fieldPath: "consentDate",
        text: "Please check",
      })
    ).id;
    if (extra.query === "ANSWERED")
      await replyToDataQuery(investigator, "answer", { patientId: patient.id, queryId, text: "Checked" });
  }
  if (extra.gradeThreeEvent) {
    await enrollPatient(investigator, { patientId: patient.id, enrollmentDate: "2026-03-03" });
    const event = await recordAdverseEvent(
      investigator,
      patient.id,
      adverseEvent({ grade: 3, onsetDate: "2026-03-10" }),
    );
    return { patientId: patient.id, recordId: event.id, version: event.version, queryId, siteId: sites[site] };
  }
  return { patientId: patient.id, recordId: record.id, version: record.version, queryId, siteId: sites[site] };
}

type Target = Awaited<ReturnType<typeof target>>;

interface ActionCase {
  name: string;
  setup?: { signed?: boolean; query?: "OPEN" | "ANSWERED"; gradeThreeEvent?: boolean };
  run: (actor: Actor, t: Target) => Promise<unknown>;
  /** Roles allowed on a patient of their own site (investigators) or of any site (the others). */
  allowed: DemoActorName[] | ["site-investigator", ...DemoActorName[]];
}

const SITE_INVESTIGATOR = "site-investigator" as const;

const ACTIONS: ActionCase[] = [
  {
    name: "registerPatient",
    run: (a, t) => registerPatient(a, { siteId: t.siteId, screeningDate: "2026-03-02" }),
    allowed: [SITE_INVESTIGATOR],
  },
  {
    name: "saveCrfRecord (edit)",
    run: (a, t) =>
      saveCrfRecord(a, {
        patientId: t.patientId,
        formType: "eligibility",
        visitKey: "screening",
        recordId: t.recordId,
        expectedVersion: t.version,
        reason: "Source check",
        data: { consentDate: "2026-02-28", answers },
      }),
    allowed: [SITE_INVESTIGATOR],
  },
  {
    name: "deleteCrfRecord",
    run: (a, t) => deleteCrfRecord(a, { patientId: t.patientId, recordId: t.recordId, reason: "Entered in error" }),
    allowed: [SITE_INVESTIGATOR],
  },
  {
    name: "enrollPatient",
    run: (a, t) => enrollPatient(a, { patientId: t.patientId, enrollmentDate: "2026-03-03" }),
    allowed: [SITE_INVESTIGATOR],
  },
  {
    name: "recordScreenFailure",
    run: (a, t) => recordScreenFailure(a, { patientId: t.patientId, reason: "Withdrew consent" }),
    allowed: [SITE_INVESTIGATOR],
  },
  {
    name: "signCrfRecord",
    run: (a, t) => signCrfRecord(a, { patientId: t.patientId, recordId: t.recordId, password: DEMO_PASSWORD }),
    allowed: [SITE_INVESTIGATOR],
  },
  {
    name: "unsignCrfRecord",
    setup: { signed: true },
    run: (a, t) => unsignCrfRecord(a, { patientId: t.patientId, recordId: t.recordId, reason: "Correction needed" }),
    allowed: [SITE_INVESTIGATOR],
  },
  {
    name: "markSourceVerified",
    run: (a, t) => markSourceVerified(a, { patientId: t.patientId, recordId: t.recordId, version: t.version }),
    allowed: ["monitor"],
  },
  {
    name: "verifyField",
    run: (a, t) =>
      verifyField(a, { patientId: t.patientId, recordId: t.recordId, fieldPath: "consentDate", version: t.version }),
    allowed: ["monitor"],
  },
  {
    name: "setPatientLock",
    run: (a, t) => setPatientLock(a, { patientId: t.patientId, reason: "Data cut", locked: true }),
    allowed: ["coordinator"],
  },
  {
    name: "openDataQuery",
    run: (a, t) =>
      openDataQuery(a, {
        patientId: t.patientId,
        recordId: t.recordId,
        fieldPath: "consentDate",
        text: "Please check",
      }),
    allowed: ["coordinator", "monitor"],
  },
  {
    name: "replyToDataQuery answer",
    setup: { query: "OPEN" },
    run: (a, t) => replyToDataQuery(a, "answer", { patientId: t.patientId, queryId: t.queryId, text: "Checked" }),
    allowed: [SITE_INVESTIGATOR],
  },
  // Closing and re-opening belong to the query's opener (here the coordinator).
  {
    name: "replyToDataQuery close",
    setup: { query: "ANSWERED" },
    run: (a, t) => replyToDataQuery(a, "close", { patientId: t.patientId, queryId: t.queryId, text: "Resolved" }),
    allowed: ["coordinator"],
  },
  {
    name: "recordToxicityReview",
    setup: { gradeThreeEvent: true },
    run: (a, t) =>
      recordToxicityReview(a, {
        patientId: t.patientId,
        recordId: t.recordId,
        itemKey: "event",
        recordVersion: t.version,
        decision: "ESCALATED",
        comment: "PI to assess",
      }),
    allowed: ["coordinator", "pi"],
  },
  {
    name: "replyToDataQuery reopen",
    setup: { query: "ANSWERED" },
    run: (a, t) => replyToDataQuery(a, "reopen", { patientId: t.patientId, queryId: t.queryId, text: "Still wrong" }),
    allowed: ["coordinator"],
  },
];

const ROLES = DEMO_ACTOR_NAMES;
const SITE_OF: Partial<Record<DemoActorName, SiteCode | "TW03">> = {
  investigator1: "TW01",
  investigator2: "TW02",
  investigator3: "TW03",
};

function expected(action: ActionCase, role: DemoActorName, site: SiteCode): Outcome {
  if (role === "admin") return "hidden"; // administrators see no clinical data at all
  const investigatorSite = SITE_OF[role];
  if (investigatorSite && investigatorSite !== site) return "hidden";
  const allowed =
    (action.allowed as string[]).includes(role) ||
    (investigatorSite !== undefined && (action.allowed as string[]).includes(SITE_INVESTIGATOR));
  return allowed ? "allow" : "deny";
}

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome | string> {
  try {
    await promise;
    return "allow";
  } catch (error) {
    if (error instanceof NotFoundError) return "hidden";
    if (error instanceof ForbiddenError) return "deny";
    return `unexpected ${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

beforeAll(async () => {
  investigatorOf.TW01 = actors.investigator1;
  investigatorOf.TW02 = actors.investigator2;
});

describe("every server action's data function as every role, own site and another site", () => {
  test.each(ACTIONS.map((a) => [a.name, a] as const))("%s", async (_name, action) => {
    const actual: string[] = [];
    const wanted: string[] = [];
    for (const site of ["TW01", "TW02"] as const) {
      for (const role of ROLES) {
        const t = await target(site, action.setup);
        actual.push(`${role} on ${site}: ${await outcomeOf(action.run(actors[role], t))}`);
        wanted.push(`${role} on ${site}: ${expected(action, role, site)}`);
      }
    }
    expect(actual).toEqual(wanted);
  });
});

describe("personal API token actions as every role (they act on the caller's own tokens only)", () => {
  const input = { name: "Matrix token", access: "read-only", expiresInDays: 7, password: DEMO_PASSWORD } as const;

  test("createApiToken: every role that reaches some API endpoint, the administrator too (the administration API)", async () => {
    const actual: string[] = [];
    for (const role of ROLES) actual.push(`${role}: ${await outcomeOf(createApiToken(actors[role], input))}`);
    expect(actual).toEqual(ROLES.map((role) => `${role}: allow`));
  });

  test("revokeApiToken: one's own token only; another user's token is hidden", async () => {
    const actual: string[] = [];
    const wanted: string[] = [];
    for (const role of ROLES.filter((r) => r !== "admin")) {
      const own = await createApiToken(actors[role], input);
      const othersOwner = role === "investigator1" ? actors.investigator2 : actors.investigator1;
      const others = await createApiToken(othersOwner, input);
      actual.push(`${role} own: ${await outcomeOf(revokeApiToken(actors[role], { tokenId: own.apiToken.id }))}`);
      actual.push(`${role} other's: ${await outcomeOf(revokeApiToken(actors[role], { tokenId: others.apiToken.id }))}`);
      wanted.push(`${role} own: allow`, `${role} other's: hidden`);
      await revokeApiToken(othersOwner, { tokenId: others.apiToken.id });
    }
    expect(actual).toEqual(wanted);
  });
});
