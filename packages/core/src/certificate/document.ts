import { encode } from "uqr";
import { type Colour, type Mark, pdfPage, textWidth, wrap } from "./pdf";

/** What a certificate says: who, for taking part in what, when, and how anyone can check it. */
export interface CertificateText {
  /** «Сертификат участника» */
  heading: string;
  name: string;
  /** «принял(а) участие в вебинаре» */
  deed: string;
  title: string;
  /** «10 декабря 2026 г., онлайн» */
  details: string;
  issuer: string;
  code: string;
  verifyUrl: string;
}

const PAGE = { width: 842, height: 595 } as const;
const INK: Colour = [0.13, 0.16, 0.22];
const ACCENT: Colour = [0.09, 0.36, 0.55];
const MUTED: Colour = [0.35, 0.38, 0.43];

const centred = (text: string, y: number, size: number, font: "regular" | "bold", colour = INK): Mark => ({
  text,
  x: (PAGE.width - textWidth(text, size, font)) / 2,
  y,
  size,
  font,
  colour,
});

/** The QR code of the verification page, drawn as squares, its top left corner at (x, top). */
function qrMarks(url: string, x: number, top: number, side: number): Mark[] {
  const { data, size } = encode(url, { ecc: "M", border: 0 });
  const cell = side / size;
  const marks: Mark[] = [];
  data.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark)
        marks.push({ box: [x + c * cell, top - (r + 1) * cell, cell + 0.05, cell + 0.05], fill: INK });
    });
  });
  return marks;
}

/** The certificate as a one-page A4 landscape PDF, read top to bottom: who, for what, when. */
export function certificatePdf(text: CertificateText) {
  const nameSize = textWidth(text.name, 30, "bold") > 700 ? 22 : 30;
  const titleLines = wrap(`«${text.title}»`, 22, 700, "bold").slice(0, 3);
  const titleTop = 328;
  const afterTitle = titleTop - 28 * titleLines.length;
  const marks: Mark[] = [
    { box: [24, 24, PAGE.width - 48, PAGE.height - 48], stroke: ACCENT, lineWidth: 3 },
    { box: [34, 34, PAGE.width - 68, PAGE.height - 68], stroke: ACCENT, lineWidth: 0.75 },
    centred(text.issuer.toUpperCase(), 530, 12, "regular", MUTED),
    centred(text.heading.toUpperCase(), 478, 34, "bold"),
    centred("Настоящим подтверждается, что", 438, 14, "regular", MUTED),
    centred(text.name, 398, nameSize, "bold"),
    centred(text.deed, 364, 15, "regular", MUTED),
    ...titleLines.map((line, index) => centred(line, titleTop - 28 * index, 22, "bold", ACCENT)),
    centred(text.details, afterTitle - 12, 14, "regular"),
    { text: `Код проверки: ${text.code}`, x: 60, y: 92, size: 12, font: "bold", colour: INK },
    { text: "Подлинность проверяется по адресу:", x: 60, y: 74, size: 10, colour: MUTED },
    { text: text.verifyUrl, x: 60, y: 60, size: 10, colour: ACCENT },
    ...qrMarks(text.verifyUrl, PAGE.width - 60 - 84, 144, 84),
  ];
  return pdfPage(marks, { title: `${text.heading}: ${text.name}`, author: text.issuer, subject: text.title });
}
