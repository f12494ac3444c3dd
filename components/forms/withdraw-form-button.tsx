"use client";

import { deleteCrfAction } from "@/app/patients/[id]/actions";
import { ReasonActionForm } from "./reason-action-form";

/** Withdraws a form entered in error; the record and its history are kept (soft delete). */
export function WithdrawFormButton({ patientId, recordId }: { patientId: string; recordId: string }) {
  return (
    <details className="withdraw">
      <summary>Withdraw this form (entered in error)</summary>
      <ReasonActionForm
        id="withdraw-reason"
        label="Withdraw form"
        run={(reason) => deleteCrfAction({ patientId, recordId, reason })}
        redirectTo={`/patients/${patientId}`}
      />
    </details>
  );
}
