import { describe, expect, it } from "vitest";
import { tinyPng as png } from "../fixtures/images";
import { asCoordinator, Client, portalUrl, signedIn } from "./client";
import { application } from "./fixtures";

const upload = (client: Client, id: string, body: Uint8Array, type = "image/png") =>
  client.upload("PUT", `/api/members/${id}/logo`, body, type);

describe("organisation logo", () => {
  it("is uploaded by a representative and shown wherever the organisation is", async () => {
    const owner = await signedIn();
    const { json: created } = await owner.post("/api/members", application());
    const uploaded = await upload(owner, created.id, png);
    expect(uploaded.status).toBe(200);
    expect(uploaded.json.version).toBe(2);
    expect(uploaded.json.logoUrl).toMatch(new RegExp(`^/api/members/${created.id}/logo\\?v=`));

    const guest = await fetch(`${portalUrl()}${uploaded.json.logoUrl}`);
    expect(guest.status).toBe(404);

    const boss = await asCoordinator();
    await boss.post(`/api/members/${created.id}/approve`, { version: 2 });
    const image = await fetch(`${portalUrl()}${uploaded.json.logoUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    const { json: directory } = await new Client().get(`/api/members?q=${encodeURIComponent(created.name)}`);
    const entry = directory.items.find((item: { id: string }) => item.id === created.id);
    expect(entry.logoUrl).toBe(uploaded.json.logoUrl);

    const removed = await owner.delete(`/api/members/${created.id}/logo`);
    expect(removed.json.logoUrl).toBeUndefined();
    expect((await fetch(`${portalUrl()}${uploaded.json.logoUrl}`)).status).toBe(404);
  });

  it("refuses files that are not images, too big, or from strangers", async () => {
    const owner = await signedIn();
    const { json: created } = await owner.post("/api/members", application());
    const fake = await upload(owner, created.id, new TextEncoder().encode("<svg onload=alert(1)>"));
    expect(fake.status).toBe(422);
    expect(fake.json.error.fields.logo).toMatch(/PNG/);
    const svg = await upload(owner, created.id, png, "image/svg+xml");
    expect(svg.status).toBe(415);
    const huge = new Uint8Array(250 * 1024);
    huge.set(png);
    expect((await upload(owner, created.id, huge)).status).toBe(413);
    const stranger = await signedIn();
    expect((await upload(stranger, created.id, png)).status).toBe(403);
    expect((await owner.get(`/api/members/${created.id}`)).json.organisation.version).toBe(1);
  });
});
