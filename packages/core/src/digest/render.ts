import { config } from "../config";
import { escapeHtml, headerSafe } from "../mail/index";
import {
  resourceCategoryName as categoryNames,
  eventKindName as eventKindNames,
  organisationKindName as kindNames,
  placeName as placeNames,
  consultationTopicName as topicNames,
} from "../reference";
import { type Digest, SECTION_SIZE } from "./content";
import { links } from "./letters";

/** People's text on one line of a plain-text letter. */
const oneLine = headerSafe;

const plural = (n: number, one: string, few: string, many: string) => {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
};

const nameIn = (names: Record<string, string>) => (id: string) => names[id] ?? id;
const consultationTopicName = nameIn(topicNames);
const organisationKindName = nameIn(kindNames);
const placeName = nameIn(placeNames);
const resourceCategoryName = nameIn(categoryNames);
const eventKindName = nameIn(eventKindNames);
/** «10 декабря в 18:00»: events are announced on Moscow time. */
const dayTime = (iso: string) =>
  new Intl.DateTimeFormat("ru-RU", {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Moscow",
  }).format(new Date(iso));

const dayMonth = (date: string) =>
  new Intl.DateTimeFormat("ru-RU", { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );

interface Row {
  title: string;
  meta: string;
  path: string;
  excerpt?: string;
}

interface Section {
  heading: string;
  rows: Row[];
  allPath: string;
}

function sectionsOf(digest: Digest): Section[] {
  const listing = (item: Digest["listings"][number]) => ({
    title: item.title,
    meta: `${item.kind === "offer" ? "Предлагают" : "Ищут"} · ${resourceCategoryName(item.category)} · ${placeName(item.place)} · ${item.ownerName}`,
    path: `/resources/${item.id}`,
  });
  return [
    {
      heading: "Подходит к вашим запросам",
      rows: digest.matched.map(listing),
      allPath: "/resources?kind=offer",
    },
    { heading: "Новое в Банке ресурсов", rows: digest.listings.map(listing), allPath: "/resources" },
    {
      heading: "Ответы на вопросы",
      rows: digest.answers.map((item) => ({
        title: item.title,
        meta: [consultationTopicName(item.topic), item.bodyName].filter(Boolean).join(" · "),
        excerpt: item.excerpt,
        path: `/consultations/${item.id}`,
      })),
      allPath: "/consultations",
    },
    {
      heading: "Новые участники кластера",
      rows: digest.members.map((item) => ({
        title: item.name,
        meta: `${organisationKindName(item.kind)} · ${placeName(item.municipality)}`,
        path: `/members/${item.id}`,
      })),
      allPath: "/members",
    },
    {
      heading: "Скоро закрываются",
      rows: digest.closing.map((item) => ({
        ...listing(item),
        meta: `до ${dayMonth(item.closesOn)} · ${listing(item).meta}`,
      })),
      allPath: "/resources",
    },
    {
      heading: "Ближайшие мероприятия",
      rows: digest.events.map((item) => ({
        title: item.title,
        meta: [
          eventKindName(item.kind),
          `${dayTime(item.startsAt)} (мск)`,
          item.municipality ? placeName(item.municipality) : "",
          item.format === "in_person" ? "" : "онлайн",
        ]
          .filter(Boolean)
          .join(" · "),
        path: `/events/${item.id}`,
      })),
      allPath: "/events",
    },
  ].filter((section) => section.rows.length > 0);
}

/** The subject counts what is inside; it holds no text people wrote. */
export function subjectOf(digest: Digest) {
  const offers = digest.matched.length + digest.listings.length;
  const parts = [
    offers && `${offers} ${plural(offers, "объявление", "объявления", "объявлений")}`,
    digest.answers.length &&
      `${digest.answers.length} ${plural(digest.answers.length, "ответ", "ответа", "ответов")}`,
    digest.members.length &&
      `${digest.members.length} ${plural(digest.members.length, "новый участник", "новых участника", "новых участников")}`,
    digest.events.length &&
      `${digest.events.length} ${plural(digest.events.length, "мероприятие", "мероприятия", "мероприятий")}`,
  ].filter(Boolean);
  return `Дайджест Кластера НКО: ${parts.length ? parts.join(", ") : "скоро закрываются объявления"}`;
}

/**
 * The letter in two parts: HTML in one narrow column (phones) with inline styles (mail
 * clients drop style sheets), and the same in plain text.
 */
export function renderDigest(digest: Digest, manageToken: string) {
  const link = links(manageToken);
  const sections = sectionsOf(digest);
  const html = sections
    .map((section) => {
      const shown = section.rows.slice(0, SECTION_SIZE);
      const more = section.rows.length - shown.length;
      return `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(section.heading)}</h2>${shown
        .map(
          (row) =>
            `<p style="margin:0 0 12px"><a href="${escapeHtml(link.go(row.path))}" style="color:#0b5cad;font-weight:bold">${escapeHtml(oneLine(row.title))}</a><br><span style="color:#555;font-size:14px">${escapeHtml(oneLine(row.meta))}</span>${
              row.excerpt ? `<br><span style="font-size:14px">${escapeHtml(oneLine(row.excerpt))}</span>` : ""
            }</p>`,
        )
        .join("")}${
        more > 0
          ? `<p style="margin:0 0 12px"><a href="${escapeHtml(link.go(section.allPath))}">И ещё ${more} — смотреть на портале</a></p>`
          : ""
      }`;
    })
    .join("");
  const text = sections
    .map((section) => {
      const shown = section.rows.slice(0, SECTION_SIZE);
      const more = section.rows.length - shown.length;
      return [
        section.heading.toUpperCase(),
        ...shown.map(
          (row) => `• ${oneLine(row.title)}\n  ${oneLine(row.meta)}\n  ${config().publicUrl}${row.path}`,
        ),
        ...(more > 0 ? [`И ещё ${more}: ${config().publicUrl}${section.allPath}`] : []),
      ].join("\n");
    })
    .join("\n\n");
  const footer = {
    html: `<hr style="border:0;border-top:1px solid #ddd;margin:24px 0"><p style="color:#555;font-size:13px">Вы получаете это письмо, потому что подписались на дайджест портала Кластера НКО Калужской области.<br><a href="${escapeHtml(link.preferences)}">Настроить дайджест</a> · <a href="${escapeHtml(link.unsubscribePage)}">Отписаться</a></p><img src="${escapeHtml(link.seen)}" width="1" height="1" alt="">`,
    text: `—\nНастроить дайджест: ${link.preferences}\nОтписаться: ${link.unsubscribePage}`,
  };
  return {
    subject: subjectOf(digest),
    html: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="margin:0;padding:16px;background:#fff;color:#1a1a1a;font-family:Arial,sans-serif;font-size:16px;line-height:1.4"><div style="max-width:600px;margin:0 auto"><h1 style="font-size:20px;margin:0 0 8px">Дайджест Кластера НКО Калужской области</h1>${html}${footer.html}</div></body></html>`,
    text: `Дайджест Кластера НКО Калужской области\n\n${text}\n\n${footer.text}`,
    headers: {
      "List-Unsubscribe": `<${link.oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
