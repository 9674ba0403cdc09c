import type { RequestUpload, UploadTicket } from "@cluster/core/files/schema";
import { typeOfName } from "@cluster/core/files/types";
import type {
  CreateMaterial,
  MaterialCard,
  MaterialDetail,
  MaterialKind,
  NewFileVersion,
  UpdateMaterial,
} from "@cluster/core/material/schema";
import { type ConsultationTopic, consultationTopicIds } from "@cluster/core/reference";
import { action, query } from "@solidjs/router";
import { ApiError, api, type Page, queryString } from "./api";
import { oneOf, type SearchParams, textParam } from "./params";

const kinds: MaterialKind[] = ["article", "file", "link", "video"];

export type LibraryFilters = {
  sort?: "popular";
  kind?: MaterialKind;
  topic?: ConsultationTopic;
  q?: string;
};

export const libraryFilters = (search: SearchParams): LibraryFilters => ({
  sort: oneOf(["popular"] as const, search.sort),
  kind: oneOf<MaterialKind>(kinds, search.kind),
  topic: oneOf<ConsultationTopic>(consultationTopicIds, search.topic),
  q: textParam(search.q),
});

export const getMaterials = query(
  (filters: LibraryFilters, cursor?: string, limit = 20) =>
    api.get<Page<MaterialCard>>(`/api/materials${queryString({ ...filters, cursor, limit })}`),
  "materials",
);

/** Null when the material does not exist or is not visible to this person. */
export const getMaterial = query(async (id: string): Promise<MaterialDetail | null> => {
  try {
    return await api.get<MaterialDetail>(`/api/materials/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}, "material");

export const getMyMaterials = query(
  () => api.get<{ items: MaterialCard[] }>("/api/materials/mine"),
  "my-materials",
);

export const getMaterialProposals = query(
  () => api.get<{ items: MaterialCard[] }>("/api/materials/proposals"),
  "material-proposals",
);

/**
 * Sends a document straight to the files bucket: a ticket from the portal, then a PUT of the
 * bytes to its presigned URL. The portal checks the bytes when the ticket is used.
 */
export async function uploadDocument(file: File) {
  const ticket = await api.post<UploadTicket>("/api/materials/uploads", {
    fileName: file.name,
    // The name's type; a name of no document type is refused on its field by the API.
    contentType: (typeOfName(file.name) ?? "") as RequestUpload["contentType"],
    size: file.size,
  } satisfies RequestUpload);
  let response: Response;
  try {
    response = await fetch(ticket.url, { method: ticket.method, headers: ticket.headers, body: file });
  } catch {
    throw new ApiError(0, "network", "Файл не загрузился: проверьте подключение и попробуйте ещё раз.");
  }
  if (!response.ok) {
    throw new ApiError(response.status, "upload_failed", "Хранилище не приняло файл: попробуйте ещё раз.");
  }
  return ticket.uploadId;
}

const path = (id: string, rest = "") => `/api/materials/${encodeURIComponent(id)}${rest}`;

export const createMaterial = action(
  (input: CreateMaterial) => api.post<MaterialDetail>("/api/materials", input),
  "create-material",
);

export const updateMaterial = action(
  (id: string, input: UpdateMaterial) => api.put<MaterialDetail>(path(id), input),
  "update-material",
);

export const addFileVersion = action(
  (id: string, input: NewFileVersion) => api.post<MaterialDetail>(path(id, "/files"), input),
  "add-file-version",
);

export const withdrawMaterial = action(
  (id: string, version: number) => api.post<MaterialDetail>(path(id, "/withdraw"), { version }),
  "withdraw-material",
);

export const publishMaterial = action(
  (id: string, version: number) => api.post<MaterialDetail>(path(id, "/publish"), { version }),
  "publish-material",
);

export const returnMaterial = action(
  (id: string, input: { reason: string; version: number }) =>
    api.post<MaterialDetail>(path(id, "/return"), input),
  "return-material",
);

/** A download link: the portal counts it and redirects to the file. */
export const downloadPath = (id: string, version?: number) =>
  path(id, `/download${version ? `?version=${version}` : ""}`);
