import { hashPassword } from "@/lib/auth/password";

// A low scrypt cost keeps the tests fast; the cost is stored in the hash, so it verifies alike.
const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

/** The stored hash of a test user's password, as sign-in verifies it, at a test's scrypt cost. */
export function hashTestPassword(password: string): Promise<string> {
  return hashPassword(password, FAST_SCRYPT);
}
