"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { lockPatientAction, unlockPatientAction } from "@/app/patients/[id]/actions";
import { TextField } from "@/components/ui/text-field";

/** A coordinator locks a patient's data for analysis, or unlocks it, always with a reason. */
export function PatientLockForm({ patientId, locked }: { patientId: string; locked: boolean }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label={locked ? "Unlock patient data" : "Lock patient data"}
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await (locked ? unlockPatientAction : lockPatientAction)({ patientId, reason });
        if (result.ok) {
          setReason("");
          return router.refresh();
        }
        setError(result.fieldErrors?.reason?.[0] ?? result.message);
      }}
    >
      <div className="inline-form">
        <TextField
          id="lock-reason"
          label={locked ? "Reason for unlocking" : "Reason for locking"}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error ?? undefined}
        />
        <button type="submit" className="button secondary">
          {locked ? "Unlock data" : "Lock data for analysis"}
        </button>
      </div>
    </form>
  );
}
