import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { ticketQrPng } from "./ticket-image";

describe("a ticket's QR code for the letter", () => {
  it("is a PNG that an independent reader (jsQR) decodes to the ticket's code", () => {
    const image = PNG.sync.read(ticketQrPng("K7M2XPQ9RT"));
    expect([image.width, image.height]).toEqual([200, 200]);
    const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(found?.data).toBe("K7M2XPQ9RT");
  });

  it("is refused for anything that is not a ticket's code", () => {
    for (const wrong of ["", "k7m2xpq9rt", "K7M2XPQ9R0", "K7M2XPQ9RTX", "../../etc"]) {
      expect(() => ticketQrPng(wrong)).toThrow("Такого билета нет");
    }
  });
});
