import type { Account } from "@cluster/core/account/schema";
import type { RequestCode, SignUp, VerifyCode, VerifyResult } from "@cluster/core/auth/schema";
import type { OrganisationKind } from "@cluster/core/reference";
import { action, query } from "@solidjs/router";
import { api } from "./api";

export type Membership = {
  organisationId: string;
  name: string;
  status: "pending" | "approved" | "rejected";
  kind: OrganisationKind;
};

export type Session = {
  account: Account | null;
  memberships: Membership[];
};

export const getSession = query(() => api.get<Session>("/api/auth/session"), "session");

export const requestCode = action(
  (input: RequestCode) => api.post<{ ok: true; resendAfterSeconds: number }>("/api/auth/code", input),
  "request-code",
);

export const verifyCode = action(
  (input: VerifyCode) => api.post<VerifyResult>("/api/auth/verify", input),
  "verify-code",
);

export const signUp = action(
  (input: SignUp) => api.post<{ next: "signed-in" }>("/api/auth/signup", input),
  "sign-up",
);

export const logout = action(() => api.post<void>("/api/auth/logout"), "logout");
