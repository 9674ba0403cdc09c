import { Preferences } from "@cluster/core/digest/schema";
import * as Subscriptions from "@cluster/core/digest/subscriptions";
import { digestOperations as op } from "./contracts/digests";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

/** The smallest transparent GIF: what mail clients load as the open pixel. */
const PIXEL = Uint8Array.from(atob("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), (char) =>
  char.charCodeAt(0),
);

bind(app, op.subscribeToDigest, ({ body }) => Subscriptions.subscribe(body));
bind(app, op.confirmSubscription, ({ body }) => Subscriptions.confirm(body.token));
bind(app, op.getDigestDefaults, async () => Preferences.parse({}));
bind(app, op.getSubscriptionPreferences, ({ query }) => Subscriptions.preferences(query.token));
bind(app, op.updateSubscriptionPreferences, ({ query, body }) =>
  Subscriptions.updatePreferences(query.token, body),
);
bind(app, op.unsubscribeFromDigest, ({ query }) => Subscriptions.unsubscribe(query.token));
bind(app, op.markDigestSeen, async ({ query }, c) => {
  // A pixel never fails: a bad or stale token still gets the image, and nothing is written.
  await Subscriptions.seen(query.token ?? "").catch(() => {});
  return c.body(PIXEL, 200, { "content-type": "image/gif", "cache-control": "no-store" });
});
bind(app, op.followDigestLink, async ({ query }, c) =>
  c.redirect(await Subscriptions.follow(query.token ?? "", query.to ?? "/"), 302),
);
bind(app, op.getMyDigestSettings, async ({ actor }) => ({
  subscription: (await Subscriptions.mine(actor)) ?? null,
}));
bind(app, op.updateMyDigestSettings, ({ actor, body }) => Subscriptions.updateMine(actor, body));

export const handler = handle(app);
