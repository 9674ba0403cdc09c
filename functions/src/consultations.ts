import * as Questions from "@cluster/core/consultation/questions";
import * as Scorecard from "@cluster/core/consultation/scorecard";
import { consultationOperations as op } from "./contracts/consultations";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "mine", "desk" and "scorecard" are not question ids.
bind(app, op.askQuestion, ({ actor, body }) => Questions.ask(actor, body));
bind(app, op.listKnowledgeBase, ({ query }) => Questions.knowledge(query));
bind(app, op.listMyQuestions, async ({ actor }) => ({ items: await Questions.mine(actor) }));
bind(app, op.listAnswerDesk, ({ actor }) => Questions.desk(actor));
bind(app, op.getConsultationScorecard, ({ actor }) => Scorecard.scorecard(actor));
bind(app, op.getQuestion, ({ actor }, c) => Questions.detail(actor, id(c)));
bind(app, op.takeQuestion, ({ actor, body }, c) => Questions.take(actor, id(c), body));
bind(app, op.listAnswerers, async ({ actor }, c) => ({ items: await Questions.answerers(actor, id(c)) }));
bind(app, op.assignQuestion, ({ actor, body }, c) => Questions.reassign(actor, id(c), body));
bind(app, op.answerQuestion, ({ actor, body }, c) => Questions.answer(actor, id(c), body));
bind(app, op.editAnswer, ({ actor, body }, c) =>
  Questions.editPost(actor, id(c), c.req.param("postId") ?? "", body),
);
bind(app, op.askFollowUp, ({ actor, body }, c) => Questions.followUp(actor, id(c), body));
bind(app, op.markQuestionSolved, ({ actor, body }, c) => Questions.solve(actor, id(c), body));

export const handler = handle(app);
