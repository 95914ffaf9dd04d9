/**
 * The approval matrix narrowed to use cases of the chosen statuses (as shown today, so LAPSED and
 * SUSPENDED count as themselves) and risk tiers. Products left with no matching use case drop out
 * as columns, so a filtered matrix is narrow enough to read; clients stay as rows (the client list
 * is what the page pages through), their cells empty where nothing matches.
 */
export interface MatrixFilter {
  statuses: readonly string[];
  tiers: readonly string[];
}

interface MatrixUseCase {
  productId: string;
  displayStatus: string;
  currentTier: string | null;
}

export function filterMatrix<P extends { id: string }, U extends MatrixUseCase, C extends { useCases: U[] }>(
  data: { products: P[]; clients: C[] },
  filter: MatrixFilter,
): { products: P[]; clients: C[] } {
  if (filter.statuses.length === 0 && filter.tiers.length === 0) return data;
  const keep = (u: U) =>
    (filter.statuses.length === 0 || filter.statuses.includes(u.displayStatus)) && (filter.tiers.length === 0 || (u.currentTier !== null && filter.tiers.includes(u.currentTier)));
  const clients = data.clients.map((c) => ({ ...c, useCases: c.useCases.filter(keep) }));
  const used = new Set(clients.flatMap((c) => c.useCases.map((u) => u.productId)));
  return { products: data.products.filter((p) => used.has(p.id)), clients };
}
