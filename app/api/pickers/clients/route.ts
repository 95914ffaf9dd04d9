import { guardedRoute } from "@/lib/http/route";
import { pickerSearch } from "@/lib/http/picker-search";

/** The clients picker's options: a page of matches for what was typed (lib/http/picker-search.ts). */
export const GET = guardedRoute("client:read", (req, actor) => pickerSearch(actor, "clients", new URL(req.url).searchParams));
