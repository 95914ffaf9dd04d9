"use client";

import dynamic from "next/dynamic";

/**
 * The form that acknowledges a contradiction, loaded on demand (issue 17). It validates with zod and react-hook-form
 * (about 40 KiB gzipped), which were in the first load of every page that could show it, even for
 * users who never see it. Still rendered on the server; its code loads only where it is shown.
 */
export const AcknowledgeForm = dynamic(() => import("./acknowledge-form").then((m) => m.AcknowledgeForm));
