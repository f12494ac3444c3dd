"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { saveCrfRecord } from "@/lib/data/crf-records";
import { enrollPatient, recordScreenFailure } from "@/lib/data/enrollment";
import { SaveCrfSchema } from "@/lib/schemas/crf";
import { EnrollPatientSchema, ScreenFailureSchema } from "@/lib/schemas/patient";

export const saveCrfAction = defineAction(SaveCrfSchema, async (actor, input) => {
  const record = await saveCrfRecord(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return record;
});

export const enrollPatientAction = defineAction(EnrollPatientSchema, async (actor, input) => {
  const result = await enrollPatient(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return result;
});

export const recordScreenFailureAction = defineAction(ScreenFailureSchema, async (actor, input) => {
  const result = await recordScreenFailure(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return result;
});

