import { z } from "zod";

const text = z.string().trim().min(3, "Write at least 3 characters").max(2000, "Keep it under 2,000 characters");

export const OpenQuerySchema = z.object({
  patientId: z.uuid(),
  recordId: z.uuid(),
  fieldPath: z.string().min(1, "Choose the field").max(200),
  text,
});

export const QueryReplySchema = z.object({ patientId: z.uuid(), queryId: z.uuid(), text });
