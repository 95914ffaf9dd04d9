import { z } from "zod";
import type { ApiScope } from "@/lib/domain/api/scopes";
import { assessmentListQuery, certificationListQuery, clientListQuery, dpaListQuery, productListQuery, renewalQuery, reportListQuery, useCaseListQuery, vendorListQuery } from "@/lib/validation/api-v1/queries";
import {
  assessmentDetailResource,
  assessmentResource,
  certificationResource,
  clientResource,
  dpaResource,
  pageOf,
  productResource,
  productScoreResource,
  renewalResource,
  reportResource,
  subProcessorListResource,
  useCaseResource,
  vendorResource,
} from "@/lib/validation/api-v1/resources";
import { certificationInput, subProcessorItem } from "@/lib/validation/evidence";
import { clientInput } from "@/lib/validation/client";
import { productInput } from "@/lib/validation/product";
import { recordId } from "@/lib/validation/record-id";
import { vendorInput } from "@/lib/validation/vendor";

/**
 * Every /api/v1 operation, declared once: the route handlers run through these (lib/http/api-v1/
 * api-route.ts validates the query and body with them and checks each response against them) and
 * the OpenAPI document is generated from them, so the document cannot describe a route that
 * behaves otherwise. Write bodies are the very schemas the screens' forms use.
 */
export interface ApiOperation {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "PUT";
  /** OpenAPI path template, e.g. /vendors/{vendorId} (relative to /api/v1). */
  path: string;
  summary: string;
  tag: string;
  scope: ApiScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** POST: the create schema. PATCH: the same schema; the body's fields overlay the record's. */
  body?: z.ZodType;
  /** PATCH bodies: every field optional. */
  partialBody?: boolean;
  response: z.ZodType;
  status: 200 | 201;
  /** Answers with a file of this type instead of JSON (the handler returns the Response). */
  binary?: "application/pdf";
}

const idParam = (name: string) => z.object({ [name]: recordId });
const archivable = z.object({ archived: z.boolean().optional().describe("true archives the record, false restores it") });

export const OPERATIONS = {
  listVendors: { operationId: "listVendors", method: "GET", path: "/vendors", summary: "List vendors", tag: "Vendors", scope: "vendors:read", query: vendorListQuery, response: pageOf(vendorResource), status: 200 },
  createVendor: { operationId: "createVendor", method: "POST", path: "/vendors", summary: "Create a vendor", tag: "Vendors", scope: "vendors:write", body: vendorInput, response: vendorResource, status: 201 },
  getVendor: { operationId: "getVendor", method: "GET", path: "/vendors/{vendorId}", summary: "Get a vendor", tag: "Vendors", scope: "vendors:read", params: idParam("vendorId"), response: vendorResource, status: 200 },
  updateVendor: { operationId: "updateVendor", method: "PATCH", path: "/vendors/{vendorId}", summary: "Change or archive a vendor", tag: "Vendors", scope: "vendors:write", params: idParam("vendorId"), body: vendorInput.extend(archivable.shape), partialBody: true, response: vendorResource, status: 200 },
  listProducts: { operationId: "listProducts", method: "GET", path: "/products", summary: "List products", tag: "Products", scope: "products:read", query: productListQuery, response: pageOf(productResource), status: 200 },
  createProduct: { operationId: "createProduct", method: "POST", path: "/products", summary: "Create a product", tag: "Products", scope: "products:write", body: productInput, response: productResource, status: 201 },
  getProduct: { operationId: "getProduct", method: "GET", path: "/products/{productId}", summary: "Get a product with its cached score and tier", tag: "Products", scope: "products:read", params: idParam("productId"), response: productResource, status: 200 },
  updateProduct: { operationId: "updateProduct", method: "PATCH", path: "/products/{productId}", summary: "Change or archive a product", tag: "Products", scope: "products:write", params: idParam("productId"), body: productInput, partialBody: true, response: productResource, status: 200 },
  getProductScore: { operationId: "getProductScore", method: "GET", path: "/products/{productId}/score", summary: "The product's live score, red flags and what moved the score", tag: "Products", scope: "products:read", params: idParam("productId"), response: productScoreResource, status: 200 },
  listClients: { operationId: "listClients", method: "GET", path: "/clients", summary: "List clients", tag: "Clients", scope: "clients:read", query: clientListQuery, response: pageOf(clientResource), status: 200 },
  createClient: { operationId: "createClient", method: "POST", path: "/clients", summary: "Create a client", tag: "Clients", scope: "clients:write", body: clientInput, response: clientResource, status: 201 },
  getClient: { operationId: "getClient", method: "GET", path: "/clients/{clientId}", summary: "Get a client", tag: "Clients", scope: "clients:read", params: idParam("clientId"), response: clientResource, status: 200 },
  updateClient: { operationId: "updateClient", method: "PATCH", path: "/clients/{clientId}", summary: "Change or archive a client", tag: "Clients", scope: "clients:write", params: idParam("clientId"), body: clientInput.extend(archivable.shape), partialBody: true, response: clientResource, status: 200 },
  listUseCases: { operationId: "listUseCases", method: "GET", path: "/use-cases", summary: "List use cases with status, tier and valid-until", tag: "Use cases", scope: "use-cases:read", query: useCaseListQuery, response: pageOf(useCaseResource), status: 200 },
  getUseCase: { operationId: "getUseCase", method: "GET", path: "/use-cases/{useCaseId}", summary: "Get a use case", tag: "Use cases", scope: "use-cases:read", params: idParam("useCaseId"), response: useCaseResource, status: 200 },
  listDpas: { operationId: "listDpas", method: "GET", path: "/dpas", summary: "List DPAs with their clause statuses", tag: "DPAs", scope: "dpas:read", query: dpaListQuery, response: pageOf(dpaResource), status: 200 },
  getDpa: { operationId: "getDpa", method: "GET", path: "/dpas/{dpaId}", summary: "Get a DPA with its clause statuses", tag: "DPAs", scope: "dpas:read", params: idParam("dpaId"), response: dpaResource, status: 200 },
  listCertifications: { operationId: "listCertifications", method: "GET", path: "/certifications", summary: "List certifications", tag: "Certifications", scope: "certifications:read", query: certificationListQuery, response: pageOf(certificationResource), status: 200 },
  createCertification: { operationId: "createCertification", method: "POST", path: "/certifications", summary: "Record a certification", tag: "Certifications", scope: "certifications:write", body: certificationInput, response: certificationResource, status: 201 },
  getCertification: { operationId: "getCertification", method: "GET", path: "/certifications/{certificationId}", summary: "Get a certification", tag: "Certifications", scope: "certifications:read", params: idParam("certificationId"), response: certificationResource, status: 200 },
  updateCertification: { operationId: "updateCertification", method: "PATCH", path: "/certifications/{certificationId}", summary: "Change or archive a certification", tag: "Certifications", scope: "certifications:write", params: idParam("certificationId"), body: certificationInput, partialBody: true, response: certificationResource, status: 200 },
  getSubProcessors: { operationId: "getSubProcessors", method: "GET", path: "/products/{productId}/sub-processors", summary: "A product's sub-processors", tag: "Sub-processors", scope: "subprocessors:read", params: idParam("productId"), response: subProcessorListResource, status: 200 },
  replaceSubProcessors: { operationId: "replaceSubProcessors", method: "PUT", path: "/products/{productId}/sub-processors", summary: "Replace a product's sub-processor list (the change is kept as history)", tag: "Sub-processors", scope: "subprocessors:write", params: idParam("productId"), body: z.object({ items: z.array(subProcessorItem).max(500, "List at most 500 sub-processors.") }), response: subProcessorListResource, status: 200 },
  listAssessments: { operationId: "listAssessments", method: "GET", path: "/assessments", summary: "List assessments", tag: "Assessments", scope: "assessments:read", query: assessmentListQuery, response: pageOf(assessmentResource), status: 200 },
  getAssessment: { operationId: "getAssessment", method: "GET", path: "/assessments/{assessmentId}", summary: "Get an assessment with its answers", tag: "Assessments", scope: "assessments:read", params: idParam("assessmentId"), response: assessmentDetailResource, status: 200 },
  listRenewals: { operationId: "listRenewals", method: "GET", path: "/renewals", summary: "Renewals due within a number of days (overdue and suspended ones always included), soonest first", tag: "Renewals", scope: "renewals:read", query: renewalQuery, response: z.object({ data: z.array(renewalResource) }), status: 200 },
  listReports: { operationId: "listReports", method: "GET", path: "/reports", summary: "List issued risk reports", tag: "Reports", scope: "reports:read", query: reportListQuery, response: pageOf(reportResource), status: 200 },
  getReport: { operationId: "getReport", method: "GET", path: "/reports/{reportId}", summary: "A report's metadata and hashes", tag: "Reports", scope: "reports:read", params: idParam("reportId"), response: reportResource, status: 200 },
  getReportPdf: { operationId: "getReportPdf", method: "GET", path: "/reports/{reportId}/pdf", summary: "Download the report's PDF (re-rendered from its stored snapshot)", tag: "Reports", scope: "reports:read", params: idParam("reportId"), response: z.any(), binary: "application/pdf", status: 200 },
} satisfies Record<string, ApiOperation>;

export type OperationName = keyof typeof OPERATIONS;
