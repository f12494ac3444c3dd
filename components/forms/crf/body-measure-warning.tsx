"use client";

import {
  useFormState,
  useWatch,
  type Control,
  type FieldValues,
  type Path,
  type UseFormRegister,
} from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { implausibleBodyMeasures } from "@/lib/domain/dosing/body-measure-plausibility";

interface BodyMeasureFields extends FieldValues {
  weightKg: number | null;
  heightCm: number | null;
  measurementReason?: string | null;
}

/**
 * The soft-limit check the server makes (lib/forms/body-measure-reason.ts), shown once a weight or
 * height has been typed and its field left: an unusual value asks for the reason there and then,
 * not only on Save.
 */
export function BodyMeasureWarning<T extends BodyMeasureFields>({
  control,
  register,
}: {
  control: Control<T>;
  register: UseFormRegister<T>;
}) {
  const [weightKg, heightCm] = useWatch({ control, name: ["weightKg", "heightCm"] as Path<T>[] }) as unknown as [
    number | null,
    number | null,
  ];
  const { touchedFields, errors, isSubmitted } = useFormState({ control });
  const left = (field: "weightKg" | "heightCm") =>
    isSubmitted || Boolean((touchedFields as Record<string, unknown>)[field]);
  const unusual = implausibleBodyMeasures({
    weightKg: left("weightKg") ? weightKg : null,
    heightCm: left("heightCm") ? heightCm : null,
  });
  if (!unusual.length) return null;
  const error = (errors as Record<string, { message?: string } | undefined>).measurementReason?.message;
  return (
    <div className="field-warning" role="alert" data-testid="body-measure-warning">
      {unusual.map((u) => (
        <p key={u.measure}>{u.message}</p>
      ))}
      <TextField
        id="measurementReason"
        label="Reason this height or weight is correct"
        maxLength={500}
        error={error ? "Give the reason (at least 3 characters)" : undefined}
        {...register("measurementReason" as Path<T>, {
          setValueAs: (v: unknown) => (typeof v === "string" && v.trim() ? v : null),
        })}
      />
    </div>
  );
}
