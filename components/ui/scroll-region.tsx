import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroller, so the page itself never scrolls sideways (phones, the
 * approval matrix). Keyboard users can focus it to scroll with the arrow keys, and screen readers
 * hear its name (axe scrollable-region-focusable). Pair with STICKY_FIRST_CELL on the first column.
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    // Focusable so a keyboard can scroll it.
    <div role="region" aria-label={label} tabIndex={0} className={`max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}

/** The first column stays put while the rest scrolls; the cell needs a solid background to cover what passes under it. */
export const STICKY_FIRST_CELL = "sticky left-0 z-[1]";
