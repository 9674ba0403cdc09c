import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { DOCX_TYPE, docxBytes } from "../fixtures/documents";
import { asCoordinator, type Client, mailTo, portalUrl, signedIn } from "./client";
import { anExpert, approvedMember } from "./fixtures";

const s3 = async () => (await import("@cluster/core/files/storage")).s3();
const bucket = () => process.env.FILES_BUCKET!;

/** What the browser does: ask for a ticket, PUT the bytes to the presigned URL. */
async function upload(client: Client, bytes: Uint8Array, fileName = "shablon.docx", contentType = DOCX_TYPE) {
  const ticket = await client.post("/api/materials/uploads", {
    fileName,
    contentType,
    size: bytes.byteLength,
  });
  expect(ticket.status, JSON.stringify(ticket.json)).toBe(201);
  const put = await fetch(ticket.json.url, { method: "PUT", body: bytes, headers: ticket.json.headers });
  expect(put.status).toBe(200);
  return ticket.json.uploadId as string;
}

const fileMaterial = (uploadId: string, overrides: Record<string, unknown> = {}) => ({
  kind: "file",
  title: "Шаблон заявки на грант",
  summary: "Разделы заявки Фонда президентских грантов с подсказками к каждому полю.",
  topic: "grants",
  spheres: ["civil-society"],
  authors: ["Ирина Соколова"],
  edition: "1",
  uploadId,
  ...overrides,
});

/** The download's redirect, not followed, and then the bytes behind it. */
async function download(client: Client | undefined, id: string, version?: number) {
  const response = await fetch(
    `${portalUrl()}/api/materials/${id}/download${version ? `?version=${version}` : ""}`,
    {
      redirect: "manual",
      headers: client?.cookie ? { cookie: client.cookie } : {},
    },
  );
  const location = response.headers.get("location");
  return {
    status: response.status,
    bytes: location ? new Uint8Array(await (await fetch(location)).arrayBuffer()) : undefined,
    disposition: location ? new URL(location).searchParams.get("response-content-disposition") : null,
  };
}

describe("materials", () => {
  it("take a DOCX_TYPE uploaded straight to S3 with a presigned URL, store it under the material and serve it back", async () => {
    const expert = await anExpert();
    const bytes = await docxBytes("Устав автономной некоммерческой организации");
    const uploadId = await upload(expert, bytes);
    // The browser's PUT landed in the bucket: read back through the SDK.
    const uploaded = await (await s3()).send(
      new GetObjectCommand({ Bucket: bucket(), Key: `uploads/${uploadId}` }),
    );
    expect(new Uint8Array(await uploaded.Body!.transformToByteArray())).toEqual(bytes);

    const created = await expert.post("/api/materials", fileMaterial(uploadId));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      status: "published",
      kind: "file",
      file: { contentType: DOCX_TYPE, size: bytes.byteLength, fileName: "shablon.docx" },
      authors: [expert.name, "Ирина Соколова"],
      files: [{ number: 1, fileName: "shablon.docx", size: bytes.byteLength }],
    });
    const listed = await (await s3()).send(
      new ListObjectsV2Command({ Bucket: bucket(), Prefix: `materials/${created.json.id}/` }),
    );
    expect(listed.Contents?.map((object) => object.Size)).toEqual([bytes.byteLength]);
    // The ticket's own object is gone once taken.
    const left = await (await s3()).send(
      new ListObjectsV2Command({ Bucket: bucket(), Prefix: `uploads/${uploadId}` }),
    );
    expect(left.KeyCount).toBe(0);

    const guest = await download(undefined, created.json.id);
    expect(guest.status).toBe(302);
    expect(guest.bytes).toEqual(bytes);
    expect(guest.disposition).toContain("shablon.docx");
    const card = (await new (await import("./client")).Client().get(`/api/materials/${created.json.id}`))
      .json;
    expect(card.downloads).toBe(1);
  });

  it("keep the earlier version when a file is replaced, each downloadable by number", async () => {
    const expert = await anExpert();
    const first = await docxBytes("Редакция первая");
    const created = await expert.post("/api/materials", fileMaterial(await upload(expert, first)));
    const second = await docxBytes("Редакция вторая, с бюджетом");
    const replaced = await expert.post(`/api/materials/${created.json.id}/files`, {
      uploadId: await upload(expert, second, "shablon-2.docx"),
      note: "Добавлен раздел о бюджете",
      version: created.json.version,
    });
    expect(replaced.status, JSON.stringify(replaced.json)).toBe(200);
    expect(
      replaced.json.files.map((file: { number: number; note?: string }) => [file.number, file.note]),
    ).toEqual([
      [2, "Добавлен раздел о бюджете"],
      [1, undefined],
    ]);
    expect((await download(undefined, created.json.id)).bytes).toEqual(second);
    expect((await download(undefined, created.json.id, 1)).bytes).toEqual(first);
    expect((await download(undefined, created.json.id, 3)).status).toBe(404);
  });

  it("refuse a file whose bytes are not its type, a ticket used twice or too late, and a size over 20 MB: nothing stored", async () => {
    const expert = await anExpert();
    const before = (await expert.get("/api/materials/mine")).json.items.length;
    // An .exe renamed .pdf: the ticket is for a PDF, the bytes are a Windows program.
    const exe = new Uint8Array([
      0x4d,
      0x5a,
      0x90,
      0,
      3,
      0,
      0,
      0,
      ...new Array(120).fill(0),
      0x50,
      0x45,
      0,
      0,
    ]);
    const fake = await upload(expert, exe, "ustav.pdf", "application/pdf");
    const refused = await expert.post("/api/materials", fileMaterial(fake));
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields.uploadId).toMatch(/Содержимое файла — не PDF/);
    const gone = await (await s3()).send(
      new ListObjectsV2Command({ Bucket: bucket(), Prefix: `uploads/${fake}` }),
    );
    expect(gone.KeyCount).toBe(0);
    expect((await expert.post("/api/materials", fileMaterial(fake))).json.error.code).toBe("upload_used");

    // A ticket taken once cannot store a second material, even if its URL is used again.
    const bytes = await docxBytes("Один раз");
    const once = await upload(expert, bytes);
    expect((await expert.post("/api/materials", fileMaterial(once))).status).toBe(201);
    await (await s3()).send(
      new PutObjectCommand({ Bucket: bucket(), Key: `uploads/${once}`, Body: bytes, ContentType: DOCX_TYPE }),
    );
    const again = await expert.post("/api/materials", fileMaterial(once));
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("upload_used");

    // Too late: the ticket's time has passed.
    const late = await upload(expert, await docxBytes("Поздно"));
    const { db } = await import("@cluster/core/db/service");
    await db()
      .entities.fileUpload.patch({ id: late })
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .go();
    expect((await expert.post("/api/materials", fileMaterial(late))).json.error.code).toBe("upload_expired");

    // Another person's ticket is nobody's business.
    expect(
      (await (await anExpert()).post("/api/materials", fileMaterial(await upload(expert, bytes)))).status,
    ).toBe(404);

    const tooBig = await expert.post("/api/materials/uploads", {
      fileName: "big.pdf",
      contentType: "application/pdf",
      size: 20 * 1024 * 1024 + 1,
    });
    expect(tooBig.status).toBe(422);
    expect(tooBig.json.error.fields.size).toBe("Файл больше 20 МБ");
    const renamed = await expert.post("/api/materials/uploads", {
      fileName: "program.exe",
      contentType: "application/pdf",
      size: 100,
    });
    expect(renamed.json.error.fields.fileName).toMatch(/\.pdf/);
    const smaller = await upload(expert, bytes.slice(0, 100), "kusok.docx");
    await (await s3()).send(
      new PutObjectCommand({
        Bucket: bucket(),
        Key: `uploads/${smaller}`,
        Body: bytes,
        ContentType: DOCX_TYPE,
      }),
    );
    expect((await expert.post("/api/materials", fileMaterial(smaller))).json.error.fields.uploadId).toMatch(
      /размера/,
    );
    expect((await expert.get("/api/materials/mine")).json.items.length).toBe(before + 1);
  });

  it("give one person at most 60 upload tickets an hour, so nobody fills the bucket", async () => {
    const person = await signedIn();
    const ask = () =>
      person.post("/api/materials/uploads", {
        fileName: "otchet.pdf",
        contentType: "application/pdf",
        size: 1000,
      });
    const answers = await Promise.all(Array.from({ length: 61 }, ask));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(60);
    const refused = answers.find((answer) => answer.status === 429);
    expect(refused?.json.error.code).toBe("rate_limited");
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("render an article's Markdown safe, and find it by the words of its text in any form", async () => {
    const expert = await anExpert();
    const word = `грантоведение${Date.now().toString(36).replace(/\d/g, "")}`;
    const created = await expert.post("/api/materials", {
      kind: "article",
      title: "Как описать проблему в заявке",
      summary: "Короткая памятка о том, как показать социальную значимость проекта.",
      topic: "grants",
      body:
        `## Проблема\n\nОпишите, кого касается проблема. Слово для поиска: ${word}.\n\n` +
        '<script>alert("x")</script>\n\n[ссылка](javascript:alert(1)) и <img src=x onerror="alert(1)">',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const html: string = created.json.html;
    expect(html).toContain("<h2>Проблема</h2>");
    // Read as a browser would: the raw HTML is text, the unsafe link only its words.
    const { parseFragment } = await import("parse5");
    const elements: { tag: string; attrs: string[] }[] = [];
    const walk = (node: {
      tagName?: string;
      attrs?: { name: string; value: string }[];
      childNodes?: unknown[];
    }) => {
      if (node.tagName)
        elements.push({ tag: node.tagName, attrs: (node.attrs ?? []).map((a) => `${a.name}=${a.value}`) });
      for (const child of node.childNodes ?? []) walk(child as typeof node);
    };
    walk(parseFragment(html) as never);
    expect(elements.map((element) => element.tag)).toEqual(["h2", "p", "p", "p"]);
    expect(elements.flatMap((element) => element.attrs)).toEqual([]);
    expect(html).toContain("&lt;script&gt;");
    const found = await new (await import("./client")).Client().get(
      `/api/search?q=${encodeURIComponent(word)}`,
    );
    expect(found.json.materials.items.map((item: { id: string }) => item.id)).toEqual([created.json.id]);
  });

  it("show members-only materials to people of the cluster only, never to guests or the search", async () => {
    const expert = await anExpert();
    const word = `чеклистминюст${Date.now().toString(36).replace(/\d/g, "")}`;
    const created = await expert.post("/api/materials", {
      kind: "link",
      title: `Отчётность НКО в Минюст ${word}`,
      summary: "Официальная страница о формах отчётности некоммерческих организаций.",
      topic: "registration",
      url: "https://minjust.gov.ru",
      audience: "members",
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const { Client } = await import("./client");
    const guest = new Client();
    expect((await guest.get(`/api/materials/${created.json.id}`)).status).toBe(401);
    expect((await (await signedIn()).get(`/api/materials/${created.json.id}`)).status).toBe(403);
    expect((await (await approvedMember()).get(`/api/materials/${created.json.id}`)).status).toBe(200);
    const guestLibrary = await guest.get("/api/materials?topic=registration&limit=100");
    expect(guestLibrary.json.items.map((item: { id: string }) => item.id)).not.toContain(created.json.id);
    const memberLibrary = await (await approvedMember()).get("/api/materials?topic=registration&limit=100");
    expect(memberLibrary.json.items.map((item: { id: string }) => item.id)).toContain(created.json.id);
    expect((await guest.get(`/api/search?q=${word}`)).json.materials.items).toEqual([]);
  });

  it("let an approved member propose a material, which a coordinator returns and then publishes", async () => {
    const member = await approvedMember();
    const proposal = {
      kind: "video",
      title: "Запись вебинара о грантах",
      summary: "Запись вебинара кластера о подготовке заявки на конкурс.",
      topic: "grants",
      url: "https://rutube.ru/video/0123456789abcdef/",
    };
    expect((await member.post("/api/materials", proposal)).json.error.fields.organisationId).toBeTruthy();
    const proposed = await member.post("/api/materials", {
      ...proposal,
      organisationId: member.organisationId,
    });
    expect(proposed.status, JSON.stringify(proposed.json)).toBe(201);
    expect(proposed.json.status).toBe("proposed");
    const { Client } = await import("./client");
    expect((await new Client().get(`/api/materials/${proposed.json.id}`)).status).toBe(404);

    const coordinator = await asCoordinator();
    expect((await member.get("/api/materials/proposals")).status).toBe(403);
    const queue = await coordinator.get("/api/materials/proposals");
    expect(queue.json.items.map((item: { id: string }) => item.id)).toContain(proposed.json.id);
    const returned = await coordinator.post(`/api/materials/${proposed.json.id}/return`, {
      reason: "Добавьте, кто выступал",
      version: proposed.json.version,
    });
    expect(returned.json).toMatchObject({ status: "returned", returnReason: "Добавьте, кто выступал" });
    expect((await mailTo(member.email)).map((mail) => mail.subject)).toContain(
      "Материал возвращён на доработку: «Запись вебинара о грантах»",
    );
    const edited = await member.put(`/api/materials/${proposed.json.id}`, {
      ...proposal,
      authors: ["Мария Иванова"],
      version: returned.json.version,
    });
    expect(edited.json.status).toBe("proposed");
    const published = await coordinator.post(`/api/materials/${proposed.json.id}/publish`, {
      version: edited.json.version,
    });
    expect(published.json.status).toBe("published");
    expect((await new Client().get(`/api/materials/${proposed.json.id}`)).status).toBe(200);
    expect((await member.post(`/api/materials/${proposed.json.id}/publish`, { version: 1 })).status).toBe(
      403,
    );
  });

  it("list the library newest or most downloaded first, by kind and topic", async () => {
    const expert = await anExpert();
    const make = async (title: string) =>
      (
        await expert.post(
          "/api/materials",
          fileMaterial(await upload(expert, await docxBytes(title)), { title, topic: "accounting" }),
        )
      ).json;
    const older = await make("Налоговая отчётность НКО: сроки");
    const newer = await make("Налоговая отчётность НКО: формы");
    const { Client } = await import("./client");
    const guest = new Client();
    const idsOf = async (path: string) =>
      ((await guest.get(path)).json.items as { id: string }[]).map((item) => item.id);
    const newest = await idsOf("/api/materials?topic=accounting&kind=file&limit=100");
    expect(newest.indexOf(newer.id)).toBeLessThan(newest.indexOf(older.id));
    await download(undefined, older.id);
    await download(undefined, older.id);
    await download(undefined, newer.id);
    const popular = await idsOf("/api/materials?topic=accounting&kind=file&sort=popular&limit=100");
    expect(popular.indexOf(older.id)).toBeLessThan(popular.indexOf(newer.id));
    expect(await idsOf("/api/materials?topic=accounting&kind=article&limit=100")).not.toContain(older.id);
  });
});
