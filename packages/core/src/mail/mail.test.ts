import { describe, expect, it } from "vitest";
import { encodeAddress } from "./index";

describe("sender address", () => {
  it("encodes a Russian display name as an RFC 2047 word", () => {
    const encoded = encodeAddress("Кластер НКО <noreply@nko-kaluga.ru>");
    expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <noreply@nko-kaluga\.ru>$/);
    const word = /B\?(.+)\?=/.exec(encoded)?.[1] ?? "";
    expect(Buffer.from(word, "base64").toString("utf8")).toBe("Кластер НКО");
  });

  it("leaves ASCII names and bare addresses alone", () => {
    expect(encodeAddress("Cluster <a@b.example>")).toBe("Cluster <a@b.example>");
    expect(encodeAddress("a@b.example")).toBe("a@b.example");
  });
});
