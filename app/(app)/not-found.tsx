import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/shell/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

/** A record this user may not see, inside the signed-in frame: the layout's main holds it (one main landmark, not two). */
export default function NotFound() {
  return <NotFoundMessage />;
}
