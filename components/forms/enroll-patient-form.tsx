"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { enrollPatientAction } from "@/app/patients/[id]/actions";
import { DateField } from "@/components/ui/date-field";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { EnrollPatientSchema } from "@/lib/schemas/patient";
import { fieldProps } from "@/components/forms/field-props";

type EnrollValues = { patientId: string; enrollmentDate: string };

export function EnrollPatientForm({ patientId, today }: { patientId: string; today: string }) {
  const router = useRouter();
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<EnrollValues>({
    resolver: zodResolver(EnrollPatientSchema),
    defaultValues: { patientId, enrollmentDate: today },
  });
  const applyServerErrors = useServerFieldErrors(form.setError);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblems([]);
    const result = await enrollPatientAction(values);
    if (result.ok) return router.refresh();
    setProblems(result.fieldErrors?._form ?? [result.message]);
    applyServerErrors(result.fieldErrors);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Enroll patient">
      {problems.length ? (
        <div className="form-error" role="alert" id="enroll-error">
          <strong>Enrollment refused:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="inline-form">
        <DateField
          id="enrollmentDate"
          label="Enrollment date (day 1)"
          max={today}
          {...fieldProps(form, "enrollmentDate")}
        />
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          Enroll
        </button>
      </div>
    </form>
  );
}
