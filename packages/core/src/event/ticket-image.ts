import { PNG } from "pngjs";
import { encode } from "uqr";
import { NotFound } from "../errors";

/** Pixels per module: a 21-module code with its quiet zone is 200 px wide, as the letter shows it. */
const SCALE = 8;
const TICKET = /^[A-HJ-NP-Z2-9]{10}$/;

/**
 * A ticket's QR code as a PNG, for the confirmation letter (mail clients show PNG; Gmail and
 * Outlook refuse SVG). It holds the ticket's code alone, as the page's QR code does: the code is
 * no more secret than the letter that carries it, so the image is public and never changes.
 */
export function ticketQrPng(ticket: string) {
  if (!TICKET.test(ticket)) throw new NotFound("Такого билета нет");
  const { data, size } = encode(ticket, { ecc: "M", border: 2 });
  const side = size * SCALE;
  const png = new PNG({
    width: side,
    height: side,
    colorType: 0,
    inputColorType: 0,
    bitDepth: 8,
    inputHasAlpha: false,
  });
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      png.data[y * side + x] = data[Math.floor(y / SCALE)]![Math.floor(x / SCALE)] ? 0 : 255;
    }
  }
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
}
