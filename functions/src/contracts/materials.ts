import { RequestUpload, UploadTicket } from "@cluster/core/files/schema";
import {
  CreateMaterial,
  MaterialCard,
  MaterialDetail,
  MaterialQuery,
  NewFileVersion,
  ReturnMaterial,
  ReviewMaterial,
  UpdateMaterial,
} from "@cluster/core/material/schema";
import { Page } from "@cluster/core/shared/page";
import * as z from "zod/mini";
import { operations } from "../http/operation";

const tag = "Библиотека";

/**
 * The library of methodological materials: articles, files in S3, links and recordings. Its own
 * function, the only one that holds the S3 client and its presigner (ADR 026).
 */
export const materialOperations = operations({
  listMaterials: {
    method: "get",
    path: "/api/materials",
    summary:
      "The library: newest or most downloaded first, by kind and topic (members-only ones for people of the cluster)",
    tag,
    access: "guest",
    query: MaterialQuery,
    response: Page(MaterialCard),
  },
  createMaterial: {
    method: "post",
    path: "/api/materials",
    summary:
      "Publish a material (experts, coordinators) or propose one for a member organisation; a file's upload is taken here",
    tag,
    access: "person",
    body: CreateMaterial,
    response: MaterialDetail,
    status: 201,
    // 404: an upload ticket that is not the caller's.
    errors: { 404: ["not_found"], 409: ["not_approved", "upload_used", "upload_expired"] },
  },
  requestMaterialUpload: {
    method: "post",
    path: "/api/materials/uploads",
    summary:
      "A presigned URL to PUT one document (PDF, DOCX, XLSX, PPTX, ODT; up to 20 MB) straight to the files bucket",
    tag,
    access: "person",
    body: RequestUpload,
    response: UploadTicket,
    status: 201,
    errors: { 429: ["rate_limited"] },
  },
  listMyMaterials: {
    method: "get",
    path: "/api/materials/mine",
    summary: "The materials I have published or proposed",
    tag,
    access: "person",
    response: z.object({ items: z.array(MaterialCard) }),
  },
  listMaterialProposals: {
    method: "get",
    path: "/api/materials/proposals",
    summary: "Materials proposed by members, waiting for a coordinator (coordinators)",
    tag,
    access: "coordinator",
    response: z.object({ items: z.array(MaterialCard) }),
  },
  getMaterial: {
    method: "get",
    path: "/api/materials/{id}",
    summary: "A material: an article's safe HTML, a file's versions, a link",
    tag,
    access: "guest",
    response: MaterialDetail,
    // A members-only material: a guest is asked to sign in, a person without a role refused.
    errors: { 401: ["unauthorized"], 403: ["forbidden"] },
  },
  updateMaterial: {
    method: "put",
    path: "/api/materials/{id}",
    summary: "Change a material (its author or a coordinator); a returned proposal goes back to review",
    tag,
    access: "person",
    body: UpdateMaterial,
    response: MaterialDetail,
    errors: { 409: ["withdrawn"] },
  },
  addMaterialFileVersion: {
    method: "post",
    path: "/api/materials/{id}/files",
    summary: "A new version of a file material from an upload; earlier versions stay downloadable",
    tag,
    access: "person",
    body: NewFileVersion,
    response: MaterialDetail,
    errors: { 409: ["withdrawn", "upload_used", "upload_expired"] },
  },
  downloadMaterial: {
    method: "get",
    path: "/api/materials/{id}/download",
    summary:
      "Download the file (the current version, or `version`): counted, and redirected to a short-lived signed URL",
    tag,
    access: "guest",
    query: z.strictObject({ version: z.optional(z.coerce.number().check(z.int(), z.gte(1))) }),
    status: 302,
    errors: { 401: ["unauthorized"], 403: ["forbidden"] },
  },
  withdrawMaterial: {
    method: "post",
    path: "/api/materials/{id}/withdraw",
    summary: "Take a material out of the library and the search (its author or a coordinator)",
    tag,
    access: "person",
    body: ReviewMaterial,
    response: MaterialDetail,
    errors: { 409: ["withdrawn"] },
  },
  publishMaterialProposal: {
    method: "post",
    path: "/api/materials/{id}/publish",
    summary: "Publish a proposed material; its proposer is told (coordinators)",
    tag,
    access: "coordinator",
    body: ReviewMaterial,
    response: MaterialDetail,
    errors: { 409: ["not_proposed"] },
  },
  returnMaterialProposal: {
    method: "post",
    path: "/api/materials/{id}/return",
    summary: "Return a proposed material with what to improve; its proposer is told (coordinators)",
    tag,
    access: "coordinator",
    body: ReturnMaterial,
    response: MaterialDetail,
    errors: { 409: ["not_proposed"] },
  },
});
