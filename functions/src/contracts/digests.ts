import {
  ConfirmBody,
  Preferences,
  Subscribe,
  SubscribeAnswer,
  SubscriptionView,
  TokenQuery,
  UpdatePreferences,
} from "@cluster/core/digest/schema";
import * as z from "zod/mini";
import { operations } from "../http/operation";

const tag = "Дайджесты";

export const digestOperations = operations({
  subscribeToDigest: {
    method: "post",
    path: "/api/digests/subscribe",
    summary:
      "Subscribe an address (double opt-in: a confirmation link is mailed; an active address gets its preferences link). Same answer whether the address was known or not",
    tag,
    access: "guest",
    body: Subscribe,
    response: SubscribeAnswer,
    status: 202,
  },
  confirmSubscription: {
    method: "post",
    path: "/api/digests/confirm",
    summary: "Confirm a subscription by the mailed link's token; lifts a bounce suppression",
    tag,
    access: "guest",
    body: ConfirmBody,
    response: z.extend(SubscriptionView, { manageToken: z.string() }),
    errors: { 404: ["not_found"], 409: ["stale"] },
  },
  getSubscriptionPreferences: {
    method: "get",
    path: "/api/digests/preferences",
    summary: "A subscription's preferences by the signed token of a digest's link (no login)",
    tag,
    access: "guest",
    query: TokenQuery,
    response: SubscriptionView,
    errors: { 404: ["not_found"] },
  },
  updateSubscriptionPreferences: {
    method: "put",
    path: "/api/digests/preferences",
    summary: "Change preferences by the signed token; also resumes an unsubscribed or paused digest",
    tag,
    access: "guest",
    query: TokenQuery,
    body: UpdatePreferences,
    response: SubscriptionView,
    errors: { 404: ["not_found"], 409: ["confirm_first", "stale"] },
  },
  unsubscribeFromDigest: {
    method: "post",
    path: "/api/digests/unsubscribe",
    summary:
      "One-click unsubscribe (RFC 8058 List-Unsubscribe-Post): the signed token in the URL is enough; any body is ignored",
    tag,
    access: "guest",
    query: TokenQuery,
    response: SubscriptionView,
    errors: { 404: ["not_found"] },
  },
  markDigestSeen: {
    method: "get",
    path: "/api/digests/seen",
    summary: "The digest's open pixel (a 1×1 GIF): keeps a reader's digest from pausing",
    tag,
    access: "guest",
    query: z.object({ token: z.optional(z.string()) }),
    produces: ["image/gif"],
  },
  followDigestLink: {
    method: "get",
    path: "/api/digests/go",
    summary: "A portal link from a digest: notes the reader's activity and redirects (portal paths only)",
    tag,
    access: "guest",
    query: z.object({ token: z.optional(z.string()), to: z.optional(z.string()) }),
    status: 302,
  },
  getMyDigestSettings: {
    method: "get",
    path: "/api/digests/mine",
    summary: "The signed-in person's digest subscription (by their account's address), or null",
    tag,
    access: "person",
    response: z.object({ subscription: z.nullable(SubscriptionView) }),
  },
  updateMyDigestSettings: {
    method: "put",
    path: "/api/digests/mine",
    summary:
      "Subscribe or change preferences from the account (the address is proven by login: no confirmation)",
    tag,
    access: "person",
    body: UpdatePreferences,
    response: SubscriptionView,
    errors: { 409: ["stale"] },
  },
  getDigestDefaults: {
    method: "get",
    path: "/api/digests/defaults",
    summary: "The preferences a new subscription starts with",
    tag,
    access: "guest",
    response: Preferences,
  },
});
