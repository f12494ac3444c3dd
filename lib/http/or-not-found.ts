import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * A page's read, with what the caller may not see answered by the 404 page: a record that does
 * not exist (NotFoundError) and a list or record the caller has no permission for
 * (ForbiddenError) look the same, so a page never tells what exists beyond the caller's sites.
 * Any other error goes on to the error boundary.
 */
export function orNotFound<T>(read: Promise<T>): Promise<T> {
  return read.catch((error: unknown) => {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  });
}
