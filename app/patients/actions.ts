"use server";

import { defineWriteAction } from "@/lib/actions/define-write-action";
import { registerPatient } from "@/lib/data/patients";
import { RegisterPatientSchema } from "@/lib/schemas/patient";

export const registerPatientAction = defineWriteAction(
  RegisterPatientSchema,
  async (actor, input) => {
    const patient = await registerPatient(actor, input);
    return { id: patient.id, subjectId: patient.subjectId };
  },
  () => "/patients",
);
