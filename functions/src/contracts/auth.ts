import { Account } from "@cluster/core/account/schema";
import { RequestCode, SignUp, VerifyCode, VerifyResult } from "@cluster/core/auth/schema";
import * as z from "zod/mini";
import { operations } from "../http/operation";

const tag = "Вход";

export const Session = z.object({
  account: z.nullable(Account),
  memberships: z.array(
    z.object({ organisationId: z.string(), name: z.string(), status: z.string(), kind: z.string() }),
  ),
});

export const authOperations = operations({
  requestLoginCode: {
    method: "post",
    path: "/api/auth/code",
    summary: "Send a 6-digit login code to an email (same answer for known and unknown emails)",
    tag,
    access: "guest",
    body: RequestCode,
    response: z.object({ ok: z.literal(true), resendAfterSeconds: z.number() }),
    status: 202,
    errors: { 429: ["rate_limited"] },
  },
  verifyLoginCode: {
    method: "post",
    path: "/api/auth/verify",
    summary: "Check the code: signs a known person in, or starts sign-up for a new one",
    tag,
    access: "guest",
    body: VerifyCode,
    response: VerifyResult,
    errors: { 403: ["forbidden"], 422: ["code_expired"], 429: ["rate_limited"] },
  },
  signUp: {
    method: "post",
    path: "/api/auth/signup",
    summary: "Create the account of a verified new person, with consent to data processing",
    tag,
    access: "guest",
    body: SignUp,
    response: VerifyResult,
    status: 201,
    errors: { 409: ["account_exists"], 422: ["signup_expired"] },
  },
  getSession: {
    method: "get",
    path: "/api/auth/session",
    summary: "The signed-in person and their organisations, or null",
    tag,
    access: "guest",
    response: Session,
  },
  logOut: { method: "post", path: "/api/auth/logout", summary: "End this session", tag, access: "guest" },
});
