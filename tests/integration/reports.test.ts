import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { asCoordinator, Client, COORDINATOR, portalUrl, signedIn } from "./client";
import { beganAt, webinar } from "./fixtures";

/**
 * Coordinator reports over a seeded month nothing else in the suite touches: March 2024, compared
 * with February 2024 (29 days). The rows are written straight into the table with the core's
 * entities, dated, and the expected figures are counted here from the same fixture with the
 * definitions of ADR 014, independently of packages/core/src/report.
 */

/** Moscow is UTC+3: a Moscow day D starts at 21:00 UTC on D−1. */
const MARCH = { start: "2024-02-29T21:00:00.000Z", end: "2024-03-31T21:00:00.000Z" };
const FEBRUARY = { start: "2024-01-31T21:00:00.000Z", end: "2024-02-29T21:00:00.000Z" };
type Span = typeof MARCH;
const within = (at: string | undefined, span: Span) => at !== undefined && at >= span.start && at < span.end;

const suffix = Date.now().toString(36);
const orgs = [
  {
    key: "A",
    kind: "ngo",
    municipality: "kaluga",
    status: "approved",
    createdAt: "2024-01-10T09:00:00.000Z",
    approvedAt: "2024-01-15T09:00:00.000Z",
  },
  // approved at 23:59:59.999 Moscow on 29 February: February's
  {
    key: "B",
    kind: "ngo",
    municipality: "obninsk",
    status: "approved",
    createdAt: "2024-02-05T09:00:00.000Z",
    approvedAt: "2024-02-29T20:59:59.999Z",
  },
  // approved at 00:00 Moscow on 1 March: March's
  {
    key: "C",
    kind: "business",
    municipality: "kaluga",
    status: "approved",
    createdAt: "2024-02-20T09:00:00.000Z",
    approvedAt: "2024-02-29T21:00:00.000Z",
  },
  {
    key: "D",
    kind: "authority",
    municipality: "kaluga",
    status: "approved",
    createdAt: "2024-02-01T09:00:00.000Z",
    approvedAt: "2024-02-02T09:00:00.000Z",
  },
  {
    key: "E",
    kind: "media",
    municipality: "obninsk",
    status: "pending",
    createdAt: "2024-03-15T09:00:00.000Z",
  },
  { key: "F", kind: "ngo", municipality: "kaluga", status: "pending", createdAt: "2024-04-02T09:00:00.000Z" },
  // applied in March, approved in April: pending at March's end
  {
    key: "G",
    kind: "ngo",
    municipality: "kaluga",
    status: "approved",
    createdAt: "2024-03-10T09:00:00.000Z",
    approvedAt: "2024-04-05T09:00:00.000Z",
  },
] as const;

const published = [
  "2024-02-10T00:00:00.000Z",
  "2024-02-29T20:59:59.999Z",
  "2024-02-29T21:00:00.000Z",
  "2024-03-15T10:00:00.000Z",
  "2024-03-31T20:59:59.999Z",
  "2024-03-31T21:00:00.000Z",
];
const matched = ["2024-02-12T00:00:00.000Z", "2024-03-05T00:00:00.000Z", "2024-03-31T20:59:59.999Z"];
const handovers = [
  { at: "2024-02-15T00:00:00.000Z", category: "transport", value: 700 },
  { at: "2024-03-02T00:00:00.000Z", category: "premises", value: 3000 },
  { at: "2024-03-03T00:00:00.000Z", category: "premises", value: undefined },
  { at: "2024-03-20T00:00:00.000Z", category: "transport", value: 1500 },
] as const;
const questions = [
  // experts: answered after 4 h, on time
  {
    body: false,
    createdAt: "2024-03-04T09:00:00.000Z",
    dueAt: "2024-03-06T21:00:00.000Z",
    firstAnsweredAt: "2024-03-04T13:00:00.000Z",
  },
  // experts: answered after 72 h, late
  {
    body: false,
    createdAt: "2024-03-11T09:00:00.000Z",
    dueAt: "2024-03-13T21:00:00.000Z",
    firstAnsweredAt: "2024-03-14T09:00:00.000Z",
  },
  // the body: asked in February, due in March, never answered
  { body: true, createdAt: "2024-02-20T09:00:00.000Z", dueAt: "2024-03-21T21:00:00.000Z" },
  // the body: asked in March, answered in April before its due time
  {
    body: true,
    createdAt: "2024-03-25T09:00:00.000Z",
    dueAt: "2024-04-24T21:00:00.000Z",
    firstAnsweredAt: "2024-04-02T09:00:00.000Z",
  },
  // experts: February, answered after 2 h
  {
    body: false,
    createdAt: "2024-02-05T09:00:00.000Z",
    dueAt: "2024-02-07T21:00:00.000Z",
    firstAnsweredAt: "2024-02-05T11:00:00.000Z",
  },
];
const reach = [
  { counter: "sent", by: 25, day: "2024-02-29" },
  { counter: "unsubscribed", by: 3, day: "2024-03-01" },
  { counter: "sent", by: 40, day: "2024-03-10" },
  { counter: "complained", by: 1, day: "2024-03-12" },
  { counter: "bounced", by: 2, day: "2024-03-31" },
  { counter: "sent", by: 99, day: "2024-04-01" },
] as const;

let bodyId = "";
let bodyName = "";

async function seed() {
  const { db } = await import("@cluster/core/db/service");
  const { ulid } = await import("@cluster/core/shared/ulid");
  const { count } = await import("@cluster/core/digest/reach");
  const { organisation, listing, match, contribution, questionStat } = db().entities;
  const ids = new Map<string, string>();
  for (const org of orgs) {
    const id = ulid();
    ids.set(org.key, id);
    const name = `Отчётная организация ${org.key} ${suffix}`;
    await organisation
      .put({
        id,
        kind: org.kind,
        name,
        sortName: name.toLowerCase(),
        spheres: ["social-services"],
        municipality: org.municipality,
        description: "Запись для проверки отчётов координатора.",
        contacts: {},
        status: org.status,
        createdAt: org.createdAt,
        approvedAt: "approvedAt" in org ? org.approvedAt : undefined,
      })
      .go();
  }
  bodyId = ids.get("D") as string;
  bodyName = `Отчётная организация D ${suffix}`;
  const owner = {
    ownerKey: `org#${ids.get("A")}`,
    ownerName: "А",
    accountId: "report-test",
    organisationId: ids.get("A"),
  };
  const listingBase = {
    kind: "offer" as const,
    category: "premises" as const,
    title: "Зал для отчёта",
    description: "Проверка отчётов координатора",
    searchText: "зал для отчёта",
    place: "kaluga",
    availableFrom: "2024-01-01",
    closesOn: "9999-12-31",
    conditions: "free" as const,
    ...owner,
  };
  for (const at of published) {
    await listing
      .put({ ...listingBase, id: ulid(), status: "withdrawn", publishedAt: at, createdAt: at })
      .go();
  }
  // A draft made in March is not an opened listing.
  await listing
    .put({ ...listingBase, id: ulid(), status: "draft", createdAt: "2024-03-05T00:00:00.000Z" })
    .go();
  for (const at of matched) await match.put({ requestId: ulid(), offerId: ulid(), createdAt: at }).go();
  for (const item of handovers) {
    await contribution
      .put({
        id: ulid(),
        at: item.at,
        listingId: ulid(),
        responseId: ulid(),
        category: item.category,
        title: "Передача для отчёта",
        value: item.value,
        giverKey: owner.ownerKey,
        giverName: "А",
        receiverKey: "org#other",
        receiverName: "Б",
      })
      .go();
  }
  for (const item of questions) {
    await questionStat
      .put({
        scope: item.body ? `body#${bodyId}` : "experts",
        createdAt: item.createdAt,
        questionId: ulid(),
        dueAt: item.dueAt,
        firstAnsweredAt: item.firstAnsweredAt,
      })
      .go();
  }
  for (const { counter, by, day } of reach) await count(counter, by, day);
}

/** The figures of a period, counted here from the fixture. */
function expected(span: Span) {
  const decided = (org: (typeof orgs)[number]) => ("approvedAt" in org ? org.approvedAt : undefined);
  const members = (list: readonly (typeof orgs)[number][]) => ({
    new: list.filter((org) => within(decided(org), span)).length,
    total: list.filter((org) => org.status === "approved" && (decided(org) as string) < span.end).length,
    pending: list.filter((org) => org.createdAt < span.end && !((decided(org) ?? "9999") < span.end)).length,
  });
  const asked = questions.filter((q) => within(q.createdAt, span));
  const answered = asked.filter((q) => q.firstAnsweredAt && q.firstAnsweredAt < span.end);
  const onTime = answered.filter((q) => (q.firstAnsweredAt as string) <= q.dueAt);
  const lateUnanswered = asked.filter((q) => !answered.includes(q) && q.dueAt < span.end);
  const hours = answered
    .map((q) => (Date.parse(q.firstAnsweredAt as string) - Date.parse(q.createdAt)) / 3600_000)
    .sort((a, b) => a - b);
  const missed = questions.filter(
    (q) => within(q.dueAt, span) && (!q.firstAnsweredAt || q.firstAnsweredAt > q.dueAt),
  );
  const days = (day: string) => within(`${day}T00:00:00.000Z`, { start: span.start, end: span.end });
  const reachOf = (...counters: string[]) =>
    reach
      .filter((row) => counters.includes(row.counter) && days(row.day))
      .reduce((sum, row) => sum + row.by, 0);
  const inSpan = handovers.filter((item) => within(item.at, span));
  return {
    members: { ...members(orgs), ngo: members(orgs.filter((org) => org.kind === "ngo")) },
    resources: {
      opened: published.filter((at) => within(at, span)).length,
      matched: matched.filter((at) => within(at, span)).length,
      fulfilled: inSpan.length,
      value: inSpan.reduce((sum, item) => sum + (item.value ?? 0), 0),
      premises: inSpan.filter((item) => item.category === "premises").length,
    },
    consultations: {
      received: asked.length,
      answered: answered.length,
      onTimePercent: Math.round((onTime.length / (answered.length + lateUnanswered.length)) * 100),
      medianHoursToFirstAnswer:
        hours.length % 2
          ? hours[(hours.length - 1) / 2]
          : ((hours[hours.length / 2 - 1] as number) + (hours[hours.length / 2] as number)) / 2,
      overdue: missed.length,
      overdueOfBody: missed.filter((q) => q.body).length,
    },
    reach: {
      sent: reachOf("sent"),
      bounced: reachOf("bounced", "complained"),
      unsubscribed: reachOf("unsubscribed"),
    },
  };
}

/** A file from the API as bytes, with the coordinator's session. */
async function download(client: Client, path: string) {
  const response = await fetch(`${portalUrl()}${path}`, { headers: { cookie: client.cookie } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

async function readWorkbook(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  // exceljs declares its own ArrayBuffer-like Buffer type; a copy of the bytes is one.
  await book.xlsx.load(bytes.slice().buffer as ArrayBuffer as never);
  return book;
}

/** What the local SES keeps of a letter (aws-ses-v2-local's store). */
interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename?: string; contentType: string; content: string }[];
}

async function lettersTo(email: string, subject: string) {
  const { inject } = await import("vitest");
  const { emails } = (await (await fetch(`${inject("sesUrl")}/store`)).json()) as { emails: StoredEmail[] };
  return emails.filter((mail) => mail.destination.to.includes(email) && mail.subject === subject);
}

const BOM = [0xef, 0xbb, 0xbf];

describe("coordinator reports", () => {
  beforeAll(seed, 60_000);

  it("are for coordinators only, and refuse bad periods with field messages", async () => {
    expect((await new Client().get("/api/reports/figures?from=2024-03-01&to=2024-03-31")).status).toBe(401);
    const member = await signedIn();
    expect((await member.get("/api/reports/figures?from=2024-03-01&to=2024-03-31")).status).toBe(403);
    expect((await member.get("/api/reports/file?from=2024-03-01&to=2024-03-31&format=csv")).status).toBe(403);

    const coordinator = await asCoordinator();
    const refused = async (path: string) => {
      const { status, json } = await coordinator.get(path);
      expect(status).toBe(422);
      return json.error.fields;
    };
    expect(await refused("/api/reports/figures?from=2024-03-31&to=2024-03-01")).toEqual({
      to: "Конец периода раньше его начала",
    });
    expect(await refused("/api/reports/figures?from=2023-01-01&to=2024-03-01")).toEqual({
      to: "Период не длиннее 366 дней",
    });
    expect(await refused("/api/reports/figures?from=2024-02-30&to=2024-03-01")).toEqual({
      from: "Такой даты нет",
    });
    expect(Object.keys(await refused("/api/reports/figures?to=2024-03-01"))).toEqual(["from"]);
    expect(await refused("/api/reports/file?from=2024-03-01&to=2024-03-31&format=pdf")).toEqual({
      format: "Формат файла: CSV или XLSX",
    });
    expect(Object.keys(await refused("/api/reports/series?months=0"))).toEqual(["months"]);
    expect(Object.keys(await refused("/api/reports/series?months=abc"))).toEqual(["months"]);
  });

  it("count a seeded month as the test counts it, against the month before", async () => {
    const coordinator = await asCoordinator();
    const { status, json } = await coordinator.get("/api/reports/figures?from=2024-03-01&to=2024-03-31");
    expect(status).toBe(200);
    expect(json.period).toEqual({ from: "2024-03-01", to: "2024-03-31" });
    expect(json.previousPeriod).toEqual({ from: "2024-02-01", to: "2024-02-29" });

    for (const [figures, span] of [
      [json.current, MARCH],
      [json.previous, FEBRUARY],
    ] as const) {
      const want = expected(span);
      expect({
        new: figures.members.new,
        total: figures.members.total,
        pending: figures.members.pending,
      }).toEqual({
        new: want.members.new,
        total: want.members.total,
        pending: want.members.pending,
      });
      const ngo = figures.members.byKind.find((row: { kind: string }) => row.kind === "ngo");
      expect(ngo).toEqual({ kind: "ngo", ...want.members.ngo });
      expect(figures.resources).toMatchObject({
        opened: want.resources.opened,
        matched: want.resources.matched,
        fulfilled: want.resources.fulfilled,
        value: want.resources.value,
      });
      expect(
        figures.resources.byCategory.find((row: { category: string }) => row.category === "premises").count,
      ).toBe(want.resources.premises);
      expect(figures.consultations).toMatchObject({
        received: want.consultations.received,
        answered: want.consultations.answered,
        onTimePercent: want.consultations.onTimePercent,
        medianHoursToFirstAnswer: want.consultations.medianHoursToFirstAnswer,
        overdue: want.consultations.overdue,
      });
      const body = figures.consultations.overdueByBody.find(
        (row: { scope: string }) => row.scope === `body#${bodyId}`,
      );
      expect(body?.overdue ?? 0).toBe(want.consultations.overdueOfBody);
      expect(figures.reach).toEqual(want.reach);
    }
    // The fixture's edges land where they should (a check on the fixture, not only on the code).
    expect(json.current.members).toMatchObject({ new: 1, total: 4, pending: 2 });
    expect(json.current.resources).toMatchObject({ opened: 3, matched: 2, fulfilled: 3, value: 4500 });
    expect(json.current.consultations).toMatchObject({
      received: 3,
      answered: 2,
      onTimePercent: 50,
      overdue: 2,
    });
    expect(json.current.consultations.overdueByBody).toContainEqual({
      scope: `body#${bodyId}`,
      name: bodyName,
      overdue: 1,
    });
    expect(json.current.reach).toEqual({ sent: 40, bounced: 3, unsubscribed: 3 });

    const line = (key: string) => json.lines.find((row: { key: string }) => row.key === key);
    expect(line("resources.opened")).toMatchObject({ current: 3, previous: 2, change: 1, changePercent: 50 });
    expect(line("reach.sent")).toMatchObject({ current: 40, previous: 25, change: 15, changePercent: 60 });
    expect(line("members.new")).toMatchObject({ current: 1, previous: 2, change: -1, changePercent: -50 });
  });

  it("download as CSV with a BOM and as an XLSX workbook with the same figures", async () => {
    const coordinator = await asCoordinator();
    const csv = await download(coordinator, "/api/reports/file?from=2024-03-01&to=2024-03-31&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="otchet-klastera-2024-03-01-2024-03-31.csv"',
    );
    expect([...csv.bytes.slice(0, 3)]).toEqual(BOM);
    const rows = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.bytes.slice(3)).split("\r\n");
    expect(rows[0]).toBe(
      "Раздел;Показатель;01.03.2024–31.03.2024;01.02.2024–29.02.2024;Изменение;Изменение, %",
    );
    expect(rows).toContain("Банк ресурсов;Открыто объявлений;3;2;1;50");
    expect(rows).toContain("Консультации;Медиана до первого ответа, ч;38;2;36;");

    const xlsx = await download(coordinator, "/api/reports/file?from=2024-03-01&to=2024-03-31&format=xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const book = await readWorkbook(xlsx.bytes);
    const sheet = book.getWorksheet("Показатели")!;
    expect(sheet.getRow(1).getCell(3).value).toBe("01.03.2024–31.03.2024");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const byName = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => byName.set(String(row.getCell(2).value), row));
    const opened = byName.get("Открыто объявлений")!;
    expect([opened.getCell(3).value, opened.getCell(4).value, opened.getCell(5).value]).toEqual([3, 2, 1]);
    expect(byName.get("Оценка вклада, руб.")!.getCell(3).value).toBe(4500);
    expect(sheet.rowCount).toBe(rows.filter(Boolean).length);
  });

  it("count the events held in a period: confirmed places, attendance and the average rating", async () => {
    const coordinator = await asCoordinator();
    const { json: event } = await coordinator.post(
      "/api/events",
      webinar({ capacityOnline: 5, questions: [] }),
    );
    const [came, stayedAway] = await Promise.all([signedIn(), signedIn()]);
    for (const person of [came, stayedAway]) await person.post(`/api/events/${event.id}/registration`, {});
    const { ticket } = (await came.get(`/api/events/${event.id}`)).json.myRegistration;
    await coordinator.post(`/api/events/${event.id}/check-in`, { ticket });
    // A month no other test holds events in.
    await beganAt(event.id, new Date("2023-06-15T12:00:00.000Z"));
    const { json: held } = await coordinator.get(`/api/events/${event.id}`);
    await coordinator.put(`/api/events/${event.id}/outcome`, { materials: [], version: held.version });
    expect((await came.post(`/api/events/${event.id}/feedback`, { rating: 4 })).status).toBe(201);

    const { json } = await coordinator.get("/api/reports/figures?from=2023-06-01&to=2023-06-30");
    expect(json.current.events).toEqual({
      held: 1,
      registrations: 2,
      attended: 1,
      attendancePercent: 50,
      feedbackCount: 1,
      feedbackAverage: 4,
    });
    expect(json.previous.events).toMatchObject({ held: 0, attendancePercent: null });
    expect(json.lines.find((line: { key: string }) => line.key === "events.attendancePercent")).toMatchObject(
      {
        section: "Мероприятия",
        name: "Явка, %",
        current: 50,
      },
    );
  });

  it("give monthly points for the charts, the current month last", async () => {
    const coordinator = await asCoordinator();
    const { status, json } = await coordinator.get("/api/reports/series?months=3");
    expect(status).toBe(200);
    expect(json.points).toHaveLength(3);
    const { moscowToday } = await import("@cluster/core/shared/dates");
    expect(json.points[2].month).toBe(moscowToday().slice(0, 7));
    expect(json.points[0].month < json.points[1].month).toBe(true);
  });

  it("are mailed on their days with both files attached, once per coordinator however often the job runs", async () => {
    const { sendDueReports } = await import("@cluster/core/report/deliver");
    // Monday 1 April 2024, 09:00 in Moscow: the week of 25–31 March and the month of March are due.
    const monday = new Date("2024-04-01T06:00:00.000Z");
    const first = await sendDueReports(monday);
    expect(first.reports).toEqual(["weekly#2024-03-25#2024-03-31", "monthly#2024-03-01#2024-03-31"]);
    expect(first.sent).toBeGreaterThanOrEqual(2);
    expect(first.failed).toBe(0);

    const [monthly] = await lettersTo(COORDINATOR, "Отчёт кластера за март 2024");
    expect(await lettersTo(COORDINATOR, "Отчёт кластера за неделю 25.03.2024–31.03.2024")).toHaveLength(1);
    expect(monthly?.body.text).toContain("Открыто объявлений: 3 (было 2, +1 (+50 %))");
    expect(monthly?.body.html).toContain("<td");
    const files = new Map(monthly?.attachments.map((file) => [file.filename, file]));
    const csv = Buffer.from(files.get("otchet-klastera-2024-03-01-2024-03-31.csv")?.content ?? "", "base64");
    expect([...csv.subarray(0, 3)]).toEqual(BOM);
    expect(csv.toString("utf8")).toContain("Банк ресурсов;Открыто объявлений;3;2;1;50");
    const xlsx = files.get("otchet-klastera-2024-03-01-2024-03-31.xlsx");
    expect(xlsx?.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = await readWorkbook(new Uint8Array(Buffer.from(xlsx?.content ?? "", "base64")));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["Показатели", "Об отчёте"]);

    // The same day again, and the next day (catch-up): nothing new.
    const again = await sendDueReports(new Date("2024-04-01T07:00:00.000Z"));
    expect(again.sent).toBe(0);
    expect(again.alreadySent).toBe(first.sent);
    expect((await sendDueReports(new Date("2024-04-02T06:00:00.000Z"))).sent).toBe(0);
    expect(await lettersTo(COORDINATOR, "Отчёт кластера за март 2024")).toHaveLength(1);

    // Three runs at once on 1 August 2024 (a Thursday, 3 days after a Monday: monthly only) send July's report once.
    const runs = await Promise.all([0, 1, 2].map(() => sendDueReports(new Date("2024-08-01T06:00:00.000Z"))));
    expect(runs.map((run) => run.reports)).toEqual([
      ["monthly#2024-07-01#2024-07-31"],
      ["monthly#2024-07-01#2024-07-31"],
      ["monthly#2024-07-01#2024-07-31"],
    ]);
    expect(await lettersTo(COORDINATOR, "Отчёт кластера за июль 2024")).toHaveLength(1);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(first.sent / 2);

    // Three days after the 1st nothing is owed any more.
    expect((await sendDueReports(new Date("2024-08-04T06:00:00.000Z"))).reports).toEqual([]);
  });
});
