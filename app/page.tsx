import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homeFor(actor.role) : "/sign-in");
}
