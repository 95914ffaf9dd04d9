"use client";

import dynamic from "next/dynamic";

/**
 * The reviewer's decision form, loaded on demand (issue 17). It validates with zod and react-hook-form
 * (about 40 KiB gzipped), which were in the first load of every page that could show it, even for
 * users who never see it. Still rendered on the server; its code loads only where it is shown.
 */
export const DecisionForm = dynamic(() => import("./decision-form").then((m) => m.DecisionForm));
