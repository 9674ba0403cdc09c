import { Resource } from "@cluster/core";
import { handle } from "hono/aws-lambda";
import { resourceOperations as op } from "./contracts/resources";
import { bind } from "./http/app";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "mine" is not a listing id.
bind(app, op.catalogue, ({ query }) => Resource.catalogue(query));
bind(app, op.create, ({ actor, body }) => Resource.create(actor, body));
bind(app, op.mine, async ({ actor }) => ({ items: await Resource.mine(actor) }));
bind(app, op.get, ({ actor }, c) => Resource.get(actor, id(c)));
bind(app, op.update, ({ actor, body }, c) => Resource.update(actor, id(c), body));
bind(app, op.publish, ({ actor, body }, c) => Resource.publish(actor, id(c), body));
bind(app, op.withdraw, ({ actor, body }, c) => Resource.withdraw(actor, id(c), body));

export const handler = handle(app);
