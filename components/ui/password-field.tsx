import { TextField, type TextFieldProps } from "./text-field";

interface PasswordFieldProps extends Omit<TextFieldProps, "type" | "autoComplete"> {
  /** "current-password" (the default) lets a password manager fill the signed-in account's; "new-password" offers a new one. */
  autoComplete?: "current-password" | "new-password";
}

/** A labelled password input, masked, with its error tied to it like every other field. */
export function PasswordField({ autoComplete = "current-password", ...props }: PasswordFieldProps) {
  return <TextField type="password" autoComplete={autoComplete} {...props} />;
}
