import { documentLabel } from "@cluster/core/files/types";
import type { MaterialCard, MaterialHit } from "@cluster/core/material/schema";
import { consultationTopicName } from "@cluster/core/reference";
import { formatDate, plural } from "../../ui/format";

export const kindNames: Record<MaterialCard["kind"], string> = {
  article: "Статья",
  file: "Файл",
  link: "Ссылка",
  video: "Видео",
};

export const kindOptions = Object.entries(kindNames).map(([value, label]) => ({ value, label }));

/** 1.2 МБ, 340 КБ: what a person on a phone weighs before downloading. */
export function fileSize(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} МБ`;
  return `${Math.max(1, Math.round(bytes / 1024))} КБ`;
}

/** The card's line under the title: kind (and file type, size), topic, date, downloads (not on a search hit). */
export function materialMeta(material: MaterialHit & Partial<Pick<MaterialCard, "downloads" | "audience">>) {
  return [
    material.file
      ? `${kindNames.file}: ${documentLabel(material.file.contentType)}, ${fileSize(material.file.size)}`
      : kindNames[material.kind],
    consultationTopicName[material.topic],
    material.publishedAt ? formatDate(material.publishedAt) : undefined,
    material.file && material.downloads !== undefined
      ? `скачан ${material.downloads} ${plural(material.downloads, ["раз", "раза", "раз"])}`
      : undefined,
    material.audience === "members" ? "для участников кластера" : undefined,
    material.demo ? "демо" : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
}
