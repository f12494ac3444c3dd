import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getBiomarkerAnalysis, getEfficacyAnalysis } from "@/lib/data/analysis";
import type { BiomarkerQuery, EfficacyQuery } from "@/lib/schemas/analysis";

/** GET /api/v1/analysis/efficacy?ciMethod= -> { orr, dcr, pfs, os, bor, n, ciMethod } (months for PFS/OS). */
export async function handleEfficacyRequest(actor: Actor, query: EfficacyQuery) {
  const { summary } = await getEfficacyAnalysis(actor, query);
  return {
    orr: summary.orr,
    dcr: summary.dcr,
    pfs: summary.pfs,
    os: summary.os,
    bor: summary.bor,
    n: summary.n,
    ciMethod: summary.ciMethod,
  };
}

/** GET /api/v1/analysis/biomarkers?cytokine=&cut=&endpoint=&ciMethod= -> groups, log-rank and Cox (no per-patient rows). */
export async function handleBiomarkerRequest(actor: Actor, query: BiomarkerQuery) {
  const analysis = await getBiomarkerAnalysis(actor, query);
  const group = (g: typeof analysis.high) =>
    g
      ? {
          n: g.n,
          events: g.events,
          median: g.curve.median.median,
          lower: g.curve.median.lower,
          upper: g.curve.median.upper,
        }
      : null;
  return {
    cytokine: analysis.cytokine,
    endpoint: analysis.endpoint,
    unit: analysis.unit,
    n: analysis.n,
    nBelowLloq: analysis.nBelowLloq,
    nMissing: analysis.nMissing,
    lloqHandling: "below LLOQ = LLOQ/2",
    distribution: analysis.distribution,
    cut: analysis.cut,
    cutMethod: analysis.cutMethod,
    high: group(analysis.high),
    low: group(analysis.low),
    logRank: analysis.logRank,
    coxHighVsLow: analysis.coxHighVsLow,
    coxPerDoubling: analysis.coxPerDoubling,
    warnings: analysis.warnings,
  };
}
