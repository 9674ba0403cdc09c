import { Account, GrantRoles, SetBlocked, UpdateProfile } from "@cluster/core/account/schema";
import { cursor } from "@cluster/core/shared/fields";
import { Page } from "@cluster/core/shared/page";
import * as z from "zod/mini";
import { operations } from "../http/operation";
import { Session } from "./auth";

const tag = "Учётные записи";

export const accountOperations = operations({
  updateMyAccount: {
    method: "patch",
    path: "/api/accounts/me",
    summary: "Edit my name and phone",
    tag,
    access: "person",
    body: UpdateProfile,
    response: Account,
  },
  exportMyAccount: {
    method: "get",
    path: "/api/accounts/me/export",
    summary: "Download everything the portal holds about me (JSON)",
    tag,
    access: "person",
    response: z.object({
      exportedAt: z.string(),
      account: Account,
      memberships: Session.shape.memberships,
      sessions: z.array(
        z.object({ createdAt: z.string(), expiresAt: z.string(), userAgent: z.optional(z.string()) }),
      ),
    }),
  },
  deleteMyAccount: {
    method: "delete",
    path: "/api/accounts/me",
    summary: "Delete my account and personal data at once",
    tag,
    access: "person",
    errors: { 409: ["conflict"] },
  },
  listAccounts: {
    method: "get",
    path: "/api/accounts",
    summary: "People with accounts, newest first",
    tag,
    access: "coordinator",
    query: z.strictObject({ cursor }),
    response: Page(Account),
  },
  setAccountRoles: {
    method: "put",
    path: "/api/accounts/{id}/roles",
    summary: "Set a person's roles",
    tag,
    access: "coordinator",
    body: GrantRoles,
    response: Account,
    errors: { 409: ["self_demotion"] },
  },
  setAccountBlocked: {
    method: "put",
    path: "/api/accounts/{id}/blocked",
    summary: "Block or unblock a person (blocking ends their sessions at once)",
    tag,
    access: "coordinator",
    body: SetBlocked,
    response: Account,
    errors: { 409: ["self_block"] },
  },
});
