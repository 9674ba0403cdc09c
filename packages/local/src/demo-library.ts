import type { Person } from "@cluster/core/actor";
import { typeOfName } from "@cluster/core/files/types";
import { requestUpload } from "@cluster/core/files/uploads";
import * as Materials from "@cluster/core/material/materials";
import { workbook } from "@cluster/core/report/xlsx";
import * as Clock from "@cluster/core/shared/clock";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import { type DemoMaterial, type DemoTemplate, demoMaterials } from "./demo-learning-content";

const DAY = 86_400_000;

/** A template as a real file: Word opens the DOCX, Excel and LibreOffice the XLSX. */
async function templateFile(template: DemoTemplate) {
  if (template.format === "xlsx") {
    return workbook([{ name: template.sheet, rows: template.rows }]);
  }
  const children = template.blocks.map((block) => {
    if ("heading" in block) return new Paragraph({ text: block.heading, heading: HeadingLevel.HEADING_2 });
    if ("paragraph" in block) return new Paragraph(block.paragraph);
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: block.table.map(
        (row) =>
          new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }),
      ),
    });
  });
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Uploads a file the way the browser does: a ticket, then a PUT to its presigned URL. */
async function uploaded(author: Person, material: DemoMaterial) {
  const { fileName } = material.template!;
  const bytes = await templateFile(material.template!);
  const ticket = await requestUpload(author, {
    fileName,
    contentType: typeOfName(fileName)!,
    size: bytes.byteLength,
  });
  const put = await fetch(ticket.url, { method: ticket.method, headers: ticket.headers, body: bytes });
  if (!put.ok) throw new Error(`demo upload refused: ${put.status}`);
  return ticket.uploadId;
}

/**
 * The library's demo materials, published by the demo expert on their days through the same
 * verbs people use; their template files are generated here and stored in the local S3.
 */
export async function publishLibrary(author: Person, today: number) {
  for (const material of demoMaterials) {
    await Clock.at(today - material.daysAgo * DAY, async () =>
      Materials.create(
        author,
        {
          kind: material.kind,
          title: material.title,
          summary: material.summary,
          topic: material.topic,
          spheres: material.spheres,
          authors: material.authors,
          audience: material.audience,
          body: material.body,
          url: material.url,
          uploadId: material.kind === "file" ? await uploaded(author, material) : undefined,
        },
        { demo: true },
      ),
    );
  }
  return demoMaterials.length;
}
