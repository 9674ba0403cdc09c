import * as Listings from "@cluster/core/resource/listings";
import * as Matching from "@cluster/core/resource/matching";
import * as Photos from "@cluster/core/resource/photos";
import { imageHeaders } from "@cluster/core/shared/images";
import { resourceOperations as op } from "./contracts/resources";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "mine" is not a listing id.
bind(app, op.listResources, ({ query }) => Listings.catalogue(query));
bind(app, op.createResource, ({ actor, body }) => Listings.create(actor, body));
bind(app, op.listMyResources, async ({ actor }) => ({ items: await Listings.mine(actor) }));
bind(app, op.getResource, ({ actor }, c) => Listings.get(actor, id(c)));
bind(app, op.updateResource, ({ actor, body }, c) => Listings.update(actor, id(c), body));
bind(app, op.publishResource, ({ actor, body }, c) => Listings.publish(actor, id(c), body));
bind(app, op.withdrawResource, ({ actor, body }, c) => Listings.withdraw(actor, id(c), body));
bind(app, op.completeResource, ({ actor, body }, c) => Listings.complete(actor, id(c), body));
bind(app, op.hideResource, ({ actor, body }, c) => Listings.hide(actor, id(c), body));
bind(app, op.listResourceMatches, async ({ actor }, c) => ({
  items: await Matching.matchesOf(actor, id(c)),
}));

bind(app, op.addResourcePhoto, ({ actor, upload }, c) =>
  Photos.addPhoto(actor, id(c), upload.contentType, upload.bytes),
);
bind(app, op.removeResourcePhoto, ({ actor }, c) =>
  Photos.removePhoto(actor, id(c), c.req.param("photoId") ?? ""),
);
bind(app, op.getResourcePhoto, async ({ actor }, c) => {
  const { contentType, bytes } = await Photos.photo(actor, id(c), c.req.param("photoId") ?? "");
  return c.body(bytes, 200, imageHeaders(contentType, 31_536_000));
});

export const handler = handle(app);
