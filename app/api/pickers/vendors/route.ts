import { guardedRoute } from "@/lib/http/route";
import { pickerSearch } from "@/lib/http/picker-search";

/** The vendors picker's options: a page of matches for what was typed (lib/http/picker-search.ts). */
export const GET = guardedRoute("vendor:read", (req, actor) => pickerSearch(actor, "vendors", new URL(req.url).searchParams));
