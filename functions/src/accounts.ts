import * as Account from "@cluster/core/account/index";
import { accountOperations as op } from "./contracts/accounts";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp, endSession } from "./http/session";

export const app = createAreaApp();

bind(app, op.updateMyAccount, ({ actor, body }) => Account.update(actor, body));

bind(app, op.exportMyAccount, async ({ actor }, c) => {
  const data = await Account.exportData(actor);
  c.header("content-disposition", 'attachment; filename="my-data.json"');
  return data;
});

bind(app, op.deleteMyAccount, async ({ actor }, c) => {
  await Account.remove(actor);
  endSession(c);
});

bind(app, op.listAccounts, ({ actor, query }) => Account.list(actor, query.cursor));

bind(app, op.setAccountRoles, ({ actor, body }, c) =>
  Account.grantRoles(actor, c.req.param("id") ?? "", body),
);

bind(app, op.setAccountBlocked, ({ actor, body }, c) =>
  Account.setBlocked(actor, c.req.param("id") ?? "", body),
);

export const handler = handle(app);
