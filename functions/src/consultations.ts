import * as Questions from "@cluster/core/consultation/questions";
import * as Scorecard from "@cluster/core/consultation/scorecard";
import { consultationOperations as op } from "./contracts/consultations";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "mine", "desk" and "scorecard" are not question ids.
bind(app, op.ask, ({ actor, body }) => Questions.ask(actor, body));
bind(app, op.knowledge, ({ query }) => Questions.knowledge(query));
bind(app, op.mine, async ({ actor }) => ({ items: await Questions.mine(actor) }));
bind(app, op.desk, ({ actor }) => Questions.desk(actor));
bind(app, op.scorecard, ({ actor }) => Scorecard.scorecard(actor));
bind(app, op.detail, ({ actor }, c) => Questions.detail(actor, id(c)));
bind(app, op.take, ({ actor, body }, c) => Questions.take(actor, id(c), body));
bind(app, op.answerers, async ({ actor }, c) => ({ items: await Questions.answerers(actor, id(c)) }));
bind(app, op.assign, ({ actor, body }, c) => Questions.reassign(actor, id(c), body));
bind(app, op.answer, ({ actor, body }, c) => Questions.answer(actor, id(c), body));
bind(app, op.editAnswer, ({ actor, body }, c) =>
  Questions.editPost(actor, id(c), c.req.param("postId") ?? "", body),
);
bind(app, op.followUp, ({ actor, body }, c) => Questions.followUp(actor, id(c), body));
bind(app, op.solve, ({ actor, body }, c) => Questions.solve(actor, id(c), body));

export const handler = handle(app);
