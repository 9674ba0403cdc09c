/**
 * An Intl formatter made on its first use, not when its module loads: building one loads ICU
 * data and costs about 40 ms on this machine's CPU (160 ms on Lighthouse's mobile profile), which
 * would block every page that imports the module, even one that never shows a date.
 */
export function formatter<F>(make: () => F): () => F {
  let made: F | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/** Times are stored in UTC and shown in Europe/Moscow (the Kaluga region's time). */
const dateFormat = formatter(
  () => new Intl.DateTimeFormat("ru-RU", { timeZone: "Europe/Moscow", dateStyle: "long" }),
);
const dateTimeFormat = formatter(
  () =>
    new Intl.DateTimeFormat("ru-RU", {
      timeZone: "Europe/Moscow",
      dateStyle: "long",
      timeStyle: "short",
    }),
);

export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  // Non-breaking spaces: "27 ноября 2026 г." never splits across lines.
  return Number.isNaN(date.getTime()) ? iso : dateFormat().format(date).replace(/ /g, "\u00a0");
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateTimeFormat().format(date)} (МСК)`;
}

export const statusName: Record<"pending" | "approved" | "rejected", string> = {
  pending: "Заявка на рассмотрении",
  approved: "Участник кластера",
  rejected: "Заявка отклонена",
};

/**
 * Names joined into one line: "Культура и искусство; спорт". Each name after the first starts with a
 * small letter, as in a Russian enumeration (the reference names have no leading abbreviations).
 */
export function enumeration(names: readonly string[]): string {
  return names.map((name, i) => (i === 0 ? name : name.charAt(0).toLowerCase() + name.slice(1))).join("; ");
}

/** Russian plural: plural(5, ["организация", "организации", "организаций"]). */
export function plural(count: number, forms: [string, string, string]): string {
  const n = Math.abs(count) % 100;
  const n1 = n % 10;
  if (n > 10 && n < 20) return forms[2];
  if (n1 > 1 && n1 < 5) return forms[1];
  if (n1 === 1) return forms[0];
  return forms[2];
}
