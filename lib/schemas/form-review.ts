import { z } from "zod";
import { ReasonSchema } from "./crf";

const recordRef = { patientId: z.uuid(), recordId: z.uuid() };

export const SignCrfSchema = z.object({
  ...recordRef,
  password: z.string().min(1, "Re-enter your password to sign").max(200),
});
export const UnsignCrfSchema = z.object({ ...recordRef, reason: ReasonSchema });
export const VerifyCrfSchema = z.object({ ...recordRef, version: z.number().int().min(1) });
export const VerifyFieldSchema = z.object({
  ...recordRef,
  version: z.number().int().min(1),
  fieldPath: z.string().min(1, "Choose a field").max(200),
});
export const LockPatientSchema = z.object({ patientId: z.uuid(), reason: ReasonSchema });
