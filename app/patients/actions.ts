"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { registerPatient } from "@/lib/data/patients";
import { RegisterPatientSchema } from "@/lib/schemas/patient";

export const registerPatientAction = defineAction(RegisterPatientSchema, async (actor, input) => {
  const patient = await registerPatient(actor, input);
  revalidatePath("/patients");
  return { id: patient.id, subjectId: patient.subjectId };
});
