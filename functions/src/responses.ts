import * as Ledger from "@cluster/core/resource/ledger";
import * as Responses from "@cluster/core/resource/responses";
import { responseOperations as op } from "./contracts/responses";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "mine" is not a response id.
bind(app, op.respondToResource, ({ actor, body }) => Responses.respond(actor, body));
bind(app, op.listResponsesToListing, async ({ actor, query }) => ({
  items: await Responses.responsesTo(actor, query.listingId),
}));
bind(app, op.listMyResponses, async ({ actor }) => ({ items: await Responses.myResponses(actor) }));
bind(app, op.listLedger, ({ query }) => Ledger.ledger(query));
bind(app, op.exportLedger, async ({ actor, query }, c) => {
  const csv = await Ledger.ledgerCsv(actor, query);
  const name = `vklad-${query.from ?? "nachalo"}-${query.to ?? "segodnya"}.csv`;
  return c.body(csv, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}"`,
  });
});
bind(app, op.getResponse, ({ actor }, c) => Responses.detail(actor, id(c)));
bind(app, op.acceptResponse, ({ actor, body }, c) => Responses.accept(actor, id(c), body));
bind(app, op.declineResponse, ({ actor, body }, c) => Responses.decline(actor, id(c), body));
bind(app, op.cancelResponse, ({ actor, body }, c) => Responses.cancel(actor, id(c), body));
bind(app, op.fulfilResponse, ({ actor, body }, c) => Responses.fulfil(actor, id(c), body));
bind(app, op.sendResponseMessage, ({ actor, body }, c) => Responses.postMessage(actor, id(c), body));

export const handler = handle(app);
