import type {
  Preferences,
  Subscribe,
  SubscriptionView,
  UpdatePreferences,
} from "@cluster/core/digest/schema";
import { action, query } from "@solidjs/router";
import { api, queryString } from "./api";

export const getMyDigest = query(
  () => api.get<{ subscription: SubscriptionView | null }>("/api/digests/mine"),
  "my-digest",
);

export const getDigestByToken = query(
  (token: string) => api.get<SubscriptionView>(`/api/digests/preferences${queryString({ token })}`),
  "digest-by-token",
);

export const subscribe = action((input: Subscribe) =>
  api.post<{ status: "check_mail" }>("/api/digests/subscribe", input),
);

export const confirmDigest = (token: string) =>
  api.post<SubscriptionView & { manageToken: string }>("/api/digests/confirm", { token });

export const saveMyDigest = action((input: UpdatePreferences) =>
  api.put<SubscriptionView>("/api/digests/mine", input),
);

export const saveDigestByToken = action((token: string, input: UpdatePreferences) =>
  api.put<SubscriptionView>(`/api/digests/preferences${queryString({ token })}`, input),
);

export const unsubscribe = (token: string) =>
  api.post<SubscriptionView>(`/api/digests/unsubscribe${queryString({ token })}`);

export type { Preferences, SubscriptionView };
