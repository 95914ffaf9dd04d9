"use client";

import dynamic from "next/dynamic";

/**
 * An approval's conditions (with their record-as-met form), loaded on demand (issue 17). It validates with zod and react-hook-form
 * (about 40 KiB gzipped), which were in the first load of every page that could show it, even for
 * users who never see it. Still rendered on the server; its code loads only where it is shown.
 */
export const ConditionList = dynamic(() => import("./condition-list").then((m) => m.ConditionList));
