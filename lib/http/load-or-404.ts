import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors/app-error";

/** For pages: a record the caller may not see, or that does not exist, renders the 404 page. */
export async function loadOr404<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
