import { describe, expect, it } from "vitest";
import { AI_PRODUCT_CATALOGUE } from "@/lib/catalogue/ai-products";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { parseListQuery } from "@/lib/validation/list-query";
import { seedCatalogue } from "./catalogue";
import { getProductOverview } from "./products";
import { listProducts, PRODUCT_LIST } from "./register-lists";

describe("demo catalogue seed", () => {
  it("loads every product as sample data with its sources, in that organisation only", async () => {
    const org = await createTestOrganization("Catalogue");
    const other = await createTestOrganization("Elsewhere");
    const result = await seedCatalogue(org.as.ADMIN, AI_PRODUCT_CATALOGUE);
    expect(result.products).toBe(AI_PRODUCT_CATALOGUE.length);
    const { rows, total } = await listProducts(org.as.ADMIN, parseListQuery({ pageSize: "100" }, PRODUCT_LIST));
    expect(total).toBe(AI_PRODUCT_CATALOGUE.length);
    expect(rows.every((r) => r.isSample)).toBe(true);
    const api = rows.find((r) => r.name === "OpenAI API")!;
    const { product } = await getProductOverview(org.as.ADMIN, api.id);
    expect(product.factSources.find((s) => s.field === "trainingPolicy")?.url).toBe("https://openai.com/enterprise-privacy/");
    expect((await listProducts(other.as.ADMIN, parseListQuery({}, PRODUCT_LIST))).total).toBe(0);
  });
});
