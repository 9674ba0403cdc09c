/**
 * The API's areas: one hono app and one Lambda function each. The Api stack routes each
 * area's route keys to its function; the local server mounts the same apps. Every app
 * declares full paths under /api, so both ways serve identical URLs.
 */
export const areas = [
  { name: "auth", entry: "functions/src/auth.ts", routes: ["ANY /api/auth/{proxy+}"], sendsMail: true },
  {
    name: "accounts",
    entry: "functions/src/accounts.ts",
    routes: ["ANY /api/accounts", "ANY /api/accounts/{proxy+}"],
    sendsMail: false,
  },
  {
    name: "members",
    entry: "functions/src/members.ts",
    routes: ["ANY /api/members", "ANY /api/members/{proxy+}"],
    sendsMail: true,
  },
  {
    name: "resources",
    entry: "functions/src/resources.ts",
    routes: ["ANY /api/resources", "ANY /api/resources/{proxy+}"],
    sendsMail: true,
  },
  {
    name: "responses",
    entry: "functions/src/responses.ts",
    routes: [
      "ANY /api/responses",
      "ANY /api/responses/{proxy+}",
      "ANY /api/ledger",
      "ANY /api/ledger/{proxy+}",
    ],
    sendsMail: true,
  },
  {
    name: "consultations",
    entry: "functions/src/consultations.ts",
    routes: ["ANY /api/consultations", "ANY /api/consultations/{proxy+}"],
    sendsMail: true,
  },
  {
    // Before "events": an attendee's certificate is under the event's path.
    name: "certificates",
    entry: "functions/src/certificates.ts",
    routes: ["GET /api/events/{id}/certificate", "ANY /api/certificates/{proxy+}"],
    sendsMail: false,
    // The PDF fonts, beside the bundle where the writer reads them (ADR 024).
    files: [{ from: "packages/core/src/certificate/fonts", to: "functions/src/fonts" }],
  },
  {
    // Before "events", as "eventDesk": the local server gives a path to the first area whose
    // route matches it; API Gateway takes the most specific route whatever the order.
    name: "eventEditor",
    entry: "functions/src/event-editor.ts",
    routes: [
      "POST /api/events",
      "GET /api/events/proposals",
      "GET /api/events/speakers",
      "ANY /api/events/{id}/cover",
      "GET /api/events/{id}/cover/{coverId}",
      "PUT /api/events/{id}",
      "POST /api/events/{id}/cancel",
      "POST /api/events/{id}/publish",
      "POST /api/events/{id}/return",
    ],
    sendsMail: true,
  },
  {
    name: "eventDesk",
    entry: "functions/src/event-desk.ts",
    routes: [
      "ANY /api/events/{id}/participants",
      "ANY /api/events/{id}/participants/{proxy+}",
      "ANY /api/events/{id}/check-in",
      "ANY /api/events/{id}/outcome",
      "GET /api/events/{id}/feedback",
    ],
    sendsMail: true,
  },
  {
    name: "events",
    entry: "functions/src/events.ts",
    routes: ["ANY /api/events", "ANY /api/events/{proxy+}"],
    sendsMail: true,
  },
  {
    name: "materials",
    entry: "functions/src/materials.ts",
    routes: ["ANY /api/materials", "ANY /api/materials/{proxy+}"],
    sendsMail: true,
    keepsFiles: true,
  },
  {
    name: "digests",
    entry: "functions/src/digests.ts",
    routes: ["ANY /api/digests", "ANY /api/digests/{proxy+}"],
    sendsMail: true,
  },
  {
    name: "reports",
    entry: "functions/src/reports.ts",
    routes: ["ANY /api/reports", "ANY /api/reports/{proxy+}"],
    sendsMail: false,
  },
  {
    name: "search",
    entry: "functions/src/search.ts",
    routes: ["GET /api/search"],
    sendsMail: false,
  },
  {
    name: "meta",
    entry: "functions/src/meta.ts",
    routes: [
      "GET /api/openapi.json",
      "GET /api/config",
      "GET /api/health",
      "GET /api/tickets/{ticket}/qr.png",
    ],
    sendsMail: false,
  },
] as const;

export type AreaName = (typeof areas)[number]["name"];
