import type { Account, GrantRoles, SetBlocked, UpdateProfile } from "@cluster/core/account/schema";
import { action, query } from "@solidjs/router";
import { api, type Page, queryString } from "./api";

export const exportUrl = "/api/accounts/me/export";

export const updateMe = action(
  (input: UpdateProfile) => api.patch<Account>("/api/accounts/me", input),
  "update-me",
);

export const deleteMe = action(() => api.delete<void>("/api/accounts/me"), "delete-me");

export const getAccounts = query(
  (cursor?: string) => api.get<Page<Account>>(`/api/accounts${queryString({ cursor })}`),
  "accounts",
);

export const grantRoles = action(
  (id: string, input: GrantRoles) => api.put<Account>(`/api/accounts/${encodeURIComponent(id)}/roles`, input),
  "grant-roles",
);

export const setBlocked = action(
  (id: string, input: SetBlocked) =>
    api.put<Account>(`/api/accounts/${encodeURIComponent(id)}/blocked`, input),
  "set-blocked",
);
