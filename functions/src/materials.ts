import { requirePerson } from "@cluster/core/actor";
import { requestUpload } from "@cluster/core/files/uploads";
import * as Materials from "@cluster/core/material/materials";
import { materialOperations as op } from "./contracts/materials";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "mine", "uploads" and "proposals" are not material ids.
bind(app, op.listMaterials, ({ actor, query }) => Materials.library(actor, query));
bind(app, op.createMaterial, ({ actor, body }) => Materials.create(actor, body));
bind(app, op.requestMaterialUpload, ({ actor, body }) => requestUpload(requirePerson(actor), body));
bind(app, op.listMyMaterials, ({ actor }) => Materials.mine(actor));
bind(app, op.listMaterialProposals, ({ actor }) => Materials.proposals(actor));
bind(app, op.getMaterial, ({ actor }, c) => Materials.detail(actor, id(c)));
bind(app, op.updateMaterial, ({ actor, body }, c) => Materials.update(actor, id(c), body));
bind(app, op.addMaterialFileVersion, ({ actor, body }, c) => Materials.newFileVersion(actor, id(c), body));
bind(app, op.downloadMaterial, async ({ actor, query }, c) =>
  c.redirect(await Materials.download(actor, id(c), query.version), 302),
);
bind(app, op.withdrawMaterial, ({ actor, body }, c) => Materials.withdraw(actor, id(c), body.version));
bind(app, op.publishMaterialProposal, ({ actor, body }, c) =>
  Materials.review(actor, id(c), body.version, { status: "published" }),
);
bind(app, op.returnMaterialProposal, ({ actor, body }, c) =>
  Materials.review(actor, id(c), body.version, { status: "returned", returnReason: body.reason }),
);

export const handler = handle(app);
