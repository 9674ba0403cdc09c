import { spawn } from "node:child_process";
import * as Clock from "@cluster/core/shared/clock";
import { describe, expect, inject, it, vi } from "vitest";
import { asCoordinator, Client, portalUrl, signedIn, uniqueEmail } from "./client";
import { approvedMember, listing, moscowIn, webinar } from "./fixtures";

interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
}

async function mailTo(email: string): Promise<StoredMail[]> {
  const response = await fetch(`${inject("sesUrl")}/store`);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  return emails.filter((mail) => mail.destination.to.includes(email));
}

const digestsTo = async (email: string) =>
  (await mailTo(email)).filter((mail) => mail.subject.startsWith("Дайджест"));

/** The token of the last link of the given page in the person's mail. */
async function tokenFrom(email: string, page: string) {
  const texts = (await mailTo(email)).map((mail) => mail.body.text ?? "").join("\n");
  const found = [...texts.matchAll(new RegExp(`${page}\\?token=([\\w.%-]+)`, "g"))].at(-1)?.[1];
  if (!found) throw new Error(`no ${page} link mailed to ${email}`);
  return decodeURIComponent(found);
}

/** Subscribes and confirms through the API, as the form and the mailed link do. */
async function confirmedSubscriber(preferences: Record<string, unknown> = {}) {
  const email = uniqueEmail("reader");
  const guest = new Client();
  const subscribed = await guest.post("/api/digests/subscribe", { email, ...preferences });
  expect(subscribed.status).toBe(202);
  const confirmed = await guest.post("/api/digests/confirm", {
    token: await tokenFrom(email, "/digest/confirm"),
  });
  expect(confirmed.status).toBe(200);
  return { email, manageToken: confirmed.json.manageToken as string, view: confirmed.json };
}

const core = async () => ({
  ...(await import("@cluster/core/digest/send")),
  ...(await import("@cluster/core/digest/store")),
});

/** The job as the clock would run it at `at`: with the portal's links and a fast SES rate. */
async function runDigestJob(at: Date) {
  const { config, setConfig } = await import("@cluster/core/config");
  setConfig({ ...config(), publicUrl: portalUrl() });
  const { sendDueDigests } = await core();
  return sendDueDigests({ now: at, rate: 200 });
}

const inDays = (days: number) => new Date(Clock.nowMs() + days * 86_400_000);

describe("digests", () => {
  it("subscribe, confirm, receive a personal digest with one-click unsubscribe headers; unsubscribed gets no more", async () => {
    const member = await approvedMember();
    const created = await member.post(
      "/api/resources",
      listing({ title: "Зал <script>alert(1)</script> & «Ко»" }),
    );
    expect(created.status).toBe(201);
    await member.post(`/api/resources/${created.json.id}/publish`, { version: 1 });

    const reader = await confirmedSubscriber({ frequency: "daily", hour: 9, topics: ["resources"] });
    expect(reader.view).toMatchObject({ status: "active", frequency: "daily" });

    const summary = await runDigestJob(inDays(2));
    expect(summary.sent).toBeGreaterThanOrEqual(1);
    const [digest, ...more] = await digestsTo(reader.email);
    expect(more).toHaveLength(0);
    expect(digest!.subject).not.toMatch(/[\r\n]/);
    expect(digest!.body.html).toContain("Зал &#60;script&#62;alert(1)&#60;/script&#62; &#38; «Ко»");
    expect(digest!.body.html).not.toContain("<script>");
    expect(digest!.body.text).toContain("Зал <script>alert(1)</script> & «Ко»");
    const header = (name: string) => digest!.headers?.find((item) => item.name === name)?.value;
    expect(header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const oneClick = /^<(.+)>$/.exec(header("List-Unsubscribe") ?? "")?.[1];
    expect(oneClick).toContain("/api/digests/unsubscribe?token=");
    expect(digest!.body.text).toContain("/digest?token=");

    // RFC 8058: the mail client POSTs the form body to the header's URL, without cookies.
    const response = await fetch(oneClick!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe("unsubscribed");

    await runDigestJob(inDays(4));
    expect(await digestsTo(reader.email)).toHaveLength(1);
  });

  it("carry the coming events of the subscriber's topics and municipalities, with a link to each", async () => {
    const coordinator = await asCoordinator();
    // Sooner than the other files' events, and of topics they do not use: among the section's first ten.
    const event = async (title: string, topic: string) => {
      const created = await coordinator.post(
        "/api/events",
        webinar({
          title: `${title} ${Date.now().toString(36)}`,
          startsAt: moscowIn(25),
          endsAt: moscowIn(26),
          topic,
        }),
      );
      expect(created.status).toBe(201);
      return created.json;
    };
    const accounting = await event("Вебинар для дайджеста", "accounting");
    const legal = await event("Правовой вебинар", "legal");
    const reader = await confirmedSubscriber({
      frequency: "daily",
      hour: 9,
      topics: ["events"],
      consultationTopics: ["accounting"],
    });
    await runDigestJob(inDays(1));
    const [digest] = await digestsTo(reader.email);
    expect(digest!.body.text).toContain("БЛИЖАЙШИЕ МЕРОПРИЯТИЯ");
    expect(digest!.body.text).toContain(accounting.title);
    expect(digest!.body.text).not.toContain(legal.title);
    expect(digest!.body.html).toContain(encodeURIComponent(`/events/${accounting.id}`));
  });

  it("sends nothing extra when the same week is run again, and nothing at all when there is nothing new", async () => {
    const member = await approvedMember();
    const created = await member.post(
      "/api/resources",
      listing({ title: "Проектор для повторного прогона" }),
    );
    await member.post(`/api/resources/${created.json.id}/publish`, { version: 1 });
    const reader = await confirmedSubscriber({
      frequency: "weekly",
      weekday: 1,
      hour: 10,
      topics: ["resources"],
    });
    const { db } = await core();
    const { data: key } = await db().entities.subscriberEmail.get({ email: reader.email }).go();
    const { data: before } = await db().entities.subscriber.get({ id: key!.subscriberId }).go();

    const at = inDays(8);
    await runDigestJob(at);
    await runDigestJob(at);
    expect(await digestsTo(reader.email)).toHaveLength(1);

    // An operator winds the subscriber back to the same Monday and runs the week again.
    await db()
      .entities.subscriber.patch({ id: before!.id })
      .set({ status: "active", nextDueAt: before!.nextDueAt, coveredUntil: before!.coveredUntil })
      .go();
    await runDigestJob(at);
    expect(await digestsTo(reader.email)).toHaveLength(1);
    const { data: deliveries } = await db()
      .entities.delivery.query.byPeriod({ subscriberId: before!.id })
      .go();
    expect(deliveries.map((delivery) => delivery.status)).toEqual(["sent"]);

    // The next week has nothing new for this reader: no empty letter.
    await runDigestJob(inDays(15));
    expect(await digestsTo(reader.email)).toHaveLength(1);
  });

  it("retries a throttled send in the run, and a refused send in the next run: none lost, none doubled", async () => {
    const member = await approvedMember();
    const created = await member.post(
      "/api/resources",
      listing({ title: "Ноутбуки для повторной отправки" }),
    );
    await member.post(`/api/resources/${created.json.id}/publish`, { version: 1 });
    const throttled = await confirmedSubscriber({ frequency: "daily", hour: 13, topics: ["resources"] });
    const refused = await confirmedSubscriber({ frequency: "daily", hour: 13, topics: ["resources"] });
    const { sesClient } = await import("@cluster/core/clients");
    const client = sesClient();
    const realSend = client.send.bind(client);
    const failures: Record<string, Error> = {
      [throttled.email]: Object.assign(new Error("Maximum sending rate exceeded"), {
        name: "TooManyRequestsException",
      }),
      [refused.email]: Object.assign(new Error("Mailbox unavailable"), { name: "MessageRejected" }),
    };
    // Each address fails once, the way SES would answer; everything else goes to the local SES.
    const send = vi.spyOn(client, "send").mockImplementation(((command: {
      input: { Destination?: { ToAddresses?: string[] } };
    }) => {
      const to = command.input.Destination?.ToAddresses?.[0] ?? "";
      const failure = failures[to];
      if (failure) {
        delete failures[to];
        return Promise.reject(failure);
      }
      return realSend(command as never);
    }) as never);
    try {
      const first = await runDigestJob(inDays(2));
      expect(first.failed).toBeGreaterThanOrEqual(1);
      expect(await digestsTo(throttled.email)).toHaveLength(1);
      expect(await digestsTo(refused.email)).toHaveLength(0);
      await runDigestJob(inDays(2));
      expect(await digestsTo(refused.email)).toHaveLength(1);
      await runDigestJob(inDays(2));
      expect(await digestsTo(refused.email)).toHaveLength(1);
      expect(await digestsTo(throttled.email)).toHaveLength(1);
    } finally {
      send.mockRestore();
    }
  });

  it("pauses a digest nobody opened for 180 days, says so once, and resumes from the letter's link", async () => {
    const reader = await confirmedSubscriber({ frequency: "daily", hour: 14 });
    const { db } = await core();
    const { data: key } = await db().entities.subscriberEmail.get({ email: reader.email }).go();
    const { data: current } = await db().entities.subscriber.get({ id: key!.subscriberId }).go();
    await db()
      .entities.subscriber.patch({ id: current!.id })
      .set({
        status: "active",
        nextDueAt: current!.nextDueAt,
        lastActivityAt: new Date(Clock.nowMs() - 181 * 86_400_000).toISOString(),
      })
      .go();
    const summary = await runDigestJob(inDays(2));
    expect(summary.paused).toBeGreaterThanOrEqual(1);
    await runDigestJob(inDays(3));
    const letters = await mailTo(reader.email);
    expect(letters.filter((mail) => mail.subject.startsWith("Мы приостановили"))).toHaveLength(1);
    expect(letters.filter((mail) => mail.subject.startsWith("Дайджест"))).toHaveLength(0);

    const guest = new Client();
    const token = encodeURIComponent(await tokenFrom(reader.email, "/digest"));
    const paused = await guest.get(`/api/digests/preferences?token=${token}`);
    expect(paused.json.status).toBe("dormant");
    const resumed = await guest.put(`/api/digests/preferences?token=${token}`, {
      frequency: "daily",
      hour: 14,
      version: paused.json.version,
    });
    expect(resumed.json).toMatchObject({ status: "active", frequency: "daily" });
  });

  it("suppresses a bounced address until it confirms anew", async () => {
    const reader = await confirmedSubscriber({ frequency: "daily", hour: 11 });
    const bounce = await fetch(`${portalUrl()}/local/ses-feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        eventType: "Bounce",
        bounce: {
          bounceType: "Permanent",
          bounceSubType: "General",
          bouncedRecipients: [{ emailAddress: reader.email }],
        },
      }),
    });
    expect(bounce.status).toBe(200);
    const guest = new Client();
    const { json: after } = await guest.get(
      `/api/digests/preferences?token=${encodeURIComponent(reader.manageToken)}`,
    );
    expect(after.status).toBe("suppressed");
    await runDigestJob(inDays(2));
    expect(await digestsTo(reader.email)).toHaveLength(0);
    const saved = await guest.put(
      `/api/digests/preferences?token=${encodeURIComponent(reader.manageToken)}`,
      {
        ...after,
        email: undefined,
        status: undefined,
        nextDueAt: undefined,
        linkedToAccount: undefined,
      },
    );
    expect(saved.json.error.code).toBe("confirm_first");

    await guest.post("/api/digests/subscribe", { email: reader.email, frequency: "daily", hour: 11 });
    const confirmed = await guest.post("/api/digests/confirm", {
      token: await tokenFrom(reader.email, "/digest/confirm"),
    });
    expect(confirmed.json.status).toBe("active");
  });

  it("refuses bad input with field messages and stores nothing; a forged token opens nothing", async () => {
    const guest = new Client();
    const email = uniqueEmail("bad");
    const bad = await guest.post("/api/digests/subscribe", { email: "не адрес", hour: 25, topics: [] });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["email", "hour", "topics"]);
    const unknownFields = await guest.post("/api/digests/subscribe", { email, status: "active" });
    expect(unknownFields.status).toBe(422);
    expect(await mailTo(email)).toHaveLength(0);
    const forged = await guest.get(
      "/api/digests/preferences?token=01ARZ3NDEKTSV4RRFFQ69G5FAV.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    );
    expect(forged.status).toBe(404);
    const oneClick = await guest.request("POST", "/api/digests/unsubscribe?token=nope.nope.nope");
    expect(oneClick.status).toBe(404);
  });

  it("subscribes from the account without a confirmation letter", async () => {
    const person = await signedIn();
    expect((await person.get("/api/digests/mine")).json.subscription).toBeNull();
    const saved = await person.put("/api/digests/mine", {
      frequency: "weekly",
      weekday: 3,
      hour: 8,
      version: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ status: "active", weekday: 3, hour: 8, linkedToAccount: true });
    expect((await person.get("/api/digests/mine")).json.subscription.status).toBe("active");
    expect((await mailTo(person.email)).filter((mail) => mail.subject.includes("Подтвердите"))).toHaveLength(
      0,
    );
  });

  it("a job killed halfway and run again sends exactly one digest per recipient", async () => {
    const member = await approvedMember();
    const created = await member.post("/api/resources", listing({ title: "Стулья для прерванной рассылки" }));
    await member.post(`/api/resources/${created.json.id}/publish`, { version: 1 });
    const readers = [];
    for (let i = 0; i < 10; i++)
      readers.push(await confirmedSubscriber({ frequency: "daily", hour: 12, topics: ["resources"] }));
    const { db } = await core();
    const ids: string[] = [];
    for (const reader of readers) {
      const { data } = await db().entities.subscriberEmail.get({ email: reader.email }).go();
      ids.push(data!.subscriberId);
      // Due a minute ago: the job run by the command line (real clock) takes them now.
      const { data: current } = await db().entities.subscriber.get({ id: data!.subscriberId }).go();
      await db()
        .entities.subscriber.patch({ id: current!.id })
        .set({ status: "active", nextDueAt: new Date(Clock.nowMs() - 60_000).toISOString() })
        .go();
    }
    const started = Clock.nowIso();
    // One Query per poll: a busy machine must not let the job finish between two polls.
    const sentCount = async () => {
      const { data } = await db()
        .entities.delivery.query.byStatus({ status: "sent" })
        .gte({ createdAt: started })
        .go({ pages: "all" });
      return data.filter((delivery) => ids.includes(delivery.subscriberId)).length;
    };
    const runJob = () =>
      spawn("npx", ["tsx", "packages/local/src/job.ts", "digest"], {
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
          SES_ENDPOINT: inject("sesUrl"),
          TABLE_NAME: inject("tableName"),
          AUTH_SECRET: inject("authSecret"),
          PUBLIC_URL: portalUrl(),
          DIGEST_SEND_RATE: "2",
        },
        stdio: "ignore",
        detached: true,
      });

    const first = runJob();
    const deadline = Date.now() + 60_000;
    while ((await sentCount()) < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(-first.pid!, "SIGKILL");
    const halfway = await sentCount();
    expect(halfway).toBeGreaterThanOrEqual(2);
    expect(halfway).toBeLessThan(10);

    const second = runJob();
    await new Promise((resolve) => second.on("exit", resolve));
    for (const reader of readers) expect(await digestsTo(reader.email)).toHaveLength(1);
  }, 120_000);
});
