import type { DrugAccounting } from "@/lib/forms/dosing/dosing-computed";
import { formatNumber } from "../number-input";
import { formatDate } from "@/lib/format-date";
import { ComputedNote } from "@/components/forms/crf/computed-note";

/** Pill-count compliance for the previous period, computed by lib/domain/dosing computeCompliance. */
export function ComplianceLine({ drug, accounting }: { drug: string; accounting: DrugAccounting | null }) {
  const compliance = accounting?.compliance;
  return (
    <ComputedNote testId={`${drug}-compliance`} as="p">
      Compliance since the previous dosing visit:{" "}
      {compliance ? (
        <>
          <strong>{formatNumber(compliance.compliancePct, 1)}%</strong> ({compliance.takenCapsules} taken of{" "}
          {compliance.prescribedCapsules} prescribed: {compliance.prescribedPerDay} capsules a day for {compliance.days}{" "}
          days since {formatDate(compliance.fromDate)})
        </>
      ) : (
        <span>not computed ({accounting?.complianceNote ?? "enter the dose first"})</span>
      )}
    </ComputedNote>
  );
}
