import { describe, expect, it } from "vitest";
import { tinyPng as png } from "../fixtures/images";
import { Client, portalUrl } from "./client";
import { approvedMember, listing } from "./fixtures";

describe("listing photos", () => {
  it("are added by the owner, shown with the listing and in the catalogue, and removed", async () => {
    const owner = await approvedMember();
    const title = `Стулья с фото ${Date.now().toString(36)}`;
    const { json: draft } = await owner.post(
      "/api/resources",
      listing({ organisationId: owner.organisationId, title }),
    );
    const added = await owner.upload("POST", `/api/resources/${draft.id}/photos`, png, "image/png");
    expect(added.status).toBe(201);
    expect(added.json.photos).toHaveLength(1);
    expect(added.json.version).toBe(2);
    const [photo] = added.json.photos;
    await owner.post(`/api/resources/${draft.id}/publish`, { version: 2 });

    const image = await fetch(`${portalUrl()}${photo.url}`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    const { json: catalogue } = await new Client().get(`/api/resources?q=${encodeURIComponent(title)}`);
    expect(catalogue.items[0].photoUrl).toBe(photo.url);

    const stranger = await approvedMember();
    expect(
      (await stranger.upload("POST", `/api/resources/${draft.id}/photos`, png, "image/png")).status,
    ).toBe(403);
    expect((await stranger.delete(`/api/resources/${draft.id}/photos/${photo.id}`)).status).toBe(403);
    const spoofed = await owner.upload("POST", `/api/resources/${draft.id}/photos`, png, "image/jpeg");
    expect(spoofed.status).toBe(422);
    expect(spoofed.json.error.fields).toEqual({ photo: "Загрузите изображение PNG, JPEG или WebP" });
    expect(
      (await owner.upload("POST", `/api/resources/${draft.id}/photos`, png, "application/pdf")).status,
    ).toBe(415);
    const huge = new Uint8Array(201 * 1024);
    huge.set(png);
    expect((await owner.upload("POST", `/api/resources/${draft.id}/photos`, huge, "image/png")).status).toBe(
      413,
    );
    expect((await owner.get(`/api/resources/${draft.id}`)).json.listing.photos).toHaveLength(1);

    const removed = await owner.delete(`/api/resources/${draft.id}/photos/${photo.id}`);
    expect(removed.json.photos).toEqual([]);
    expect((await fetch(`${portalUrl()}${photo.url}`)).status).toBe(404);
    const { json: after } = await new Client().get(`/api/resources?q=${encodeURIComponent(title)}`);
    expect(after.items[0].photoUrl).toBeUndefined();
  });

  it("stop at five per listing", async () => {
    const owner = await approvedMember();
    const { json: draft } = await owner.post(
      "/api/resources",
      listing({ organisationId: owner.organisationId }),
    );
    for (let i = 0; i < 5; i++) {
      expect((await owner.upload("POST", `/api/resources/${draft.id}/photos`, png, "image/png")).status).toBe(
        201,
      );
    }
    const sixth = await owner.upload("POST", `/api/resources/${draft.id}/photos`, png, "image/png");
    expect(sixth.status).toBe(409);
    expect(sixth.json.error.fields).toEqual({ photo: "Не больше 5 фотографий" });
  });
});
