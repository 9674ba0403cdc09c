import * as Certificates from "@cluster/core/certificate/certificates";
import { certificateOperations as op } from "./contracts/certificates";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

bind(app, op.downloadEventCertificate, async ({ actor }, c) => {
  const file = await Certificates.eventCertificate(actor, c.req.param("id") ?? "");
  return c.body(new Uint8Array(file.content), 200, {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="${file.fileName}"`,
  });
});
bind(app, op.verifyCertificate, (_input, c) => Certificates.verify(c.req.param("code") ?? ""));

export const handler = handle(app);
