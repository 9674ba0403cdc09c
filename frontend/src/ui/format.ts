import { moscowClock, moscowTime } from "@cluster/core/shared/dates";

/**
 * An Intl formatter made on its first use, not when its module loads: building one loads ICU
 * data (2–20 ms on this machine, four times that on Lighthouse's phone), which would otherwise
 * block every page that imports the module, even one that never shows a number.
 */
export function formatter<F>(make: () => F): () => F {
  let made: F | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

// Times are stored in UTC and shown on Moscow time (the Kaluga region's), written out by hand
// rather than by Intl: see `moscowTime` for why.
const months = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];
const weekdays = ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"];

/** "27 ноября 2026 г.", with non-breaking spaces: it never splits across lines. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const time = moscowTime(iso);
  return time ? `${time.day}\u00a0${months[time.month]}\u00a0${time.year}\u00a0г.` : iso;
}

/** "27 ноября 2026 г. в 14:05 (МСК)" */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return "";
  const time = moscowTime(iso);
  return time ? `${time.day} ${months[time.month]} ${time.year} г. в ${moscowClock(time)} (МСК)` : iso;
}

/** "27 ноября в 14:05", or "пятница, 27 ноября в 14:05" with the weekday: a date in the next weeks. */
export function formatDayTime(iso: string, options: { weekday?: boolean } = {}): string {
  const time = moscowTime(iso);
  if (!time) return iso;
  const day = `${time.day} ${months[time.month]} в ${moscowClock(time)}`;
  return options.weekday ? `${weekdays[time.weekday]}, ${day}` : day;
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
