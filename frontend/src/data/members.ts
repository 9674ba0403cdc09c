import type {
  AcceptInvitation,
  Application,
  Approve,
  DirectoryEntry,
  Invite,
  Organisation,
  PublicProfile,
  Reject,
  UpdateProfile,
} from "@cluster/core/member/schema";
import {
  type MunicipalityId,
  municipalityIds,
  type OrganisationKind,
  organisationKindIds,
  type SphereId,
  sphereIds,
} from "@cluster/core/reference";
import { action, query } from "@solidjs/router";
import { ApiError, api, type Page, queryString, type RawBody } from "./api";
import { oneOf, type SearchParams, textParam } from "./params";

export type DirectoryFilters = {
  q?: string;
  kind?: OrganisationKind;
  sphere?: SphereId;
  municipality?: MunicipalityId;
};

export const directoryFilters = (search: SearchParams): DirectoryFilters => ({
  q: textParam(search.q),
  kind: oneOf<OrganisationKind>(organisationKindIds, search.kind),
  sphere: oneOf<SphereId>(sphereIds, search.sphere),
  municipality: oneOf<MunicipalityId>(municipalityIds, search.municipality),
});

export const pageSize = 20;

export const getMembers = query(
  (filters: DirectoryFilters, cursor?: string) =>
    api.get<Page<DirectoryEntry>>(`/api/members${queryString({ ...filters, cursor, limit: pageSize })}`),
  "members",
);

/** Approved organisations, the most recent applications first. */
export const getNewestMembers = query(
  (limit: number) => api.get<Page<DirectoryEntry>>(`/api/members/newest${queryString({ limit })}`),
  "newest-members",
);

export type MemberView = {
  /** A guest sees the public profile; representatives and coordinators the full record. */
  organisation: PublicProfile | Organisation;
  canEdit: boolean;
};

export const isFullRecord = (organisation: PublicProfile | Organisation): organisation is Organisation =>
  "status" in organisation && "version" in organisation;

/** Null when the organisation does not exist or is not visible to this person. */
export const getMember = query(async (id: string): Promise<MemberView | null> => {
  try {
    return await api.get<MemberView>(`/api/members/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}, "member");

export const getApplications = query(
  (cursor?: string) => api.get<Page<Organisation>>(`/api/members/applications${queryString({ cursor })}`),
  "applications",
);

export type Representatives = {
  items: { accountId: string; name: string; email: string }[];
  invitations: { email: string; expiresAt: string }[];
};

export const getRepresentatives = query(
  (id: string) => api.get<Representatives>(`/api/members/${encodeURIComponent(id)}/representatives`),
  "representatives",
);

export const submitApplication = action(
  (input: Application) => api.post<Organisation>("/api/members", input),
  "submit-application",
);

export const updateMember = action(
  (id: string, input: UpdateProfile) =>
    api.patch<Organisation>(`/api/members/${encodeURIComponent(id)}`, input),
  "update-member",
);

/** Replaces the logo; the answer is the organisation with its new `logoUrl` and `version`. */
export const uploadLogo = action(
  (id: string, file: RawBody) =>
    api.putFile<Organisation>(`/api/members/${encodeURIComponent(id)}/logo`, file),
  "upload-logo",
);

export const removeLogo = action(
  (id: string) => api.delete<Organisation>(`/api/members/${encodeURIComponent(id)}/logo`),
  "remove-logo",
);

export const approveApplication = action(
  (id: string, input: Approve) =>
    api.post<Organisation>(`/api/members/${encodeURIComponent(id)}/approve`, input),
  "approve-application",
);

export const rejectApplication = action(
  (id: string, input: Reject) =>
    api.post<Organisation>(`/api/members/${encodeURIComponent(id)}/reject`, input),
  "reject-application",
);

export const inviteRepresentative = action(
  (id: string, input: Invite) =>
    api.post<{ ok: true }>(`/api/members/${encodeURIComponent(id)}/invitations`, input),
  "invite-representative",
);

export const acceptInvitation = action(
  (input: AcceptInvitation) => api.post<{ organisationId: string }>("/api/members/invitations/accept", input),
  "accept-invitation",
);
