import * as Account from "@cluster/core/account/index";
import { accountOperations as op } from "./contracts/accounts";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp, endSession } from "./http/session";

export const app = createAreaApp();

bind(app, op.updateMe, ({ actor, body }) => Account.update(actor, body));

bind(app, op.exportMe, async ({ actor }, c) => {
  const data = await Account.exportData(actor);
  c.header("content-disposition", 'attachment; filename="my-data.json"');
  return data;
});

bind(app, op.deleteMe, async ({ actor }, c) => {
  await Account.remove(actor);
  endSession(c);
});

bind(app, op.list, ({ actor, query }) => Account.list(actor, query.cursor));

bind(app, op.grantRoles, ({ actor, body }, c) => Account.grantRoles(actor, c.req.param("id") ?? "", body));

bind(app, op.setBlocked, ({ actor, body }, c) => Account.setBlocked(actor, c.req.param("id") ?? "", body));

export const handler = handle(app);
