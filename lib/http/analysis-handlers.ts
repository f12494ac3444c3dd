import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getBiomarkerAnalysis, getEfficacyAnalysis, getEnrollmentSummary, requireDashboard } from "@/lib/data/analysis";
import { ValidationError } from "@/lib/errors";
import { BiomarkerQuerySchema, EfficacyQuerySchema } from "@/lib/schemas/analysis";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import type { z } from "zod";

/** Permission first: a caller without dashboards learns nothing from the query's validation. */
function parseQuery<S extends z.ZodType>(actor: Actor, schema: S, request: Request): z.output<S> {
  requireDashboard(actor);
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues), "Some query parameters are not valid.");
  return parsed.data;
}

/** GET /api/v1/analysis/efficacy?ciMethod= -> { orr, dcr, pfs, os, bor, n, ciMethod } (months for PFS/OS). */
export async function handleEfficacyRequest(actor: Actor, request: Request) {
  const { summary } = await getEfficacyAnalysis(actor, parseQuery(actor, EfficacyQuerySchema, request));
  return { orr: summary.orr, dcr: summary.dcr, pfs: summary.pfs, os: summary.os, bor: summary.bor, n: summary.n, ciMethod: summary.ciMethod };
}

/** GET /api/v1/analysis/biomarkers?cytokine=&cut=&endpoint=&ciMethod= -> groups, log-rank and Cox (no per-patient rows). */
export async function handleBiomarkerRequest(actor: Actor, request: Request) {
  const a = await getBiomarkerAnalysis(actor, parseQuery(actor, BiomarkerQuerySchema, request));
  const group = (g: typeof a.high) => (g ? { n: g.n, events: g.events, median: g.curve.median.median, lower: g.curve.median.lower, upper: g.curve.median.upper } : null);
  return {
    cytokine: a.cytokine,
    endpoint: a.endpoint,
    unit: a.unit,
    n: a.n,
    nBelowLloq: a.nBelowLloq,
    nMissing: a.nMissing,
    lloqHandling: "below LLOQ = LLOQ/2",
    distribution: a.distribution,
    cut: a.cut,
    cutMethod: a.cutMethod,
    high: group(a.high),
    low: group(a.low),
    logRank: a.logRank,
    coxHighVsLow: a.coxHighVsLow,
    coxPerDoubling: a.coxPerDoubling,
    warnings: a.warnings,
  };
}

/** GET /api/v1/analysis/enrollment -> per site and total vs target, cumulative enrollment. */
export async function handleEnrollmentRequest(actor: Actor) {
  return getEnrollmentSummary(actor);
}
