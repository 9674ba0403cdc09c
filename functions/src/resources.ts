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
bind(app, op.catalogue, ({ query }) => Listings.catalogue(query));
bind(app, op.create, ({ actor, body }) => Listings.create(actor, body));
bind(app, op.mine, async ({ actor }) => ({ items: await Listings.mine(actor) }));
bind(app, op.get, ({ actor }, c) => Listings.get(actor, id(c)));
bind(app, op.update, ({ actor, body }, c) => Listings.update(actor, id(c), body));
bind(app, op.publish, ({ actor, body }, c) => Listings.publish(actor, id(c), body));
bind(app, op.withdraw, ({ actor, body }, c) => Listings.withdraw(actor, id(c), body));
bind(app, op.complete, ({ actor, body }, c) => Listings.complete(actor, id(c), body));
bind(app, op.hide, ({ actor, body }, c) => Listings.hide(actor, id(c), body));
bind(app, op.matches, async ({ actor }, c) => ({ items: await Matching.matchesOf(actor, id(c)) }));

bind(app, op.addPhoto, ({ actor, upload }, c) =>
  Photos.addPhoto(actor, id(c), upload.contentType, upload.bytes),
);
bind(app, op.removePhoto, ({ actor }, c) => Photos.removePhoto(actor, id(c), c.req.param("photoId") ?? ""));
bind(app, op.photo, async ({ actor }, c) => {
  const { contentType, bytes } = await Photos.photo(actor, id(c), c.req.param("photoId") ?? "");
  return c.body(bytes, 200, imageHeaders(contentType, 31_536_000));
});

export const handler = handle(app);
