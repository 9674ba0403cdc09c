/**
 * iCalendar (RFC 5545) for the portal's events: the invitation a confirmed participant gets,
 * its update and cancellation (iTIP, RFC 5546), and the subscribable feeds. Written here
 * rather than taken from `ics` (80 KB minified with yup) or `ical-generator` (36 KB), which
 * would push the events Lambda past its 300 KB budget (ADR 023); ical.js reads it back in the
 * tests, and ical-generator's output for the same event must read the same.
 */

export interface CalendarEntry {
  /** Stable for an event, so an update or a cancellation replaces the entry a calendar holds. */
  uid: string;
  /** Raised with every change the organiser makes: calendars keep the highest. */
  sequence: number;
  startsAt: string;
  endsAt: string;
  title: string;
  description: string;
  location?: string;
  url: string;
  cancelled?: boolean;
  /** For an invitation: who sends it and whom it is for. */
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
}

/** Moscow keeps UTC+3 all year (shared/dates.ts): a one-rule time zone is exact. */
const MOSCOW_ZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Moscow",
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0300",
  "TZOFFSETTO:+0300",
  "TZNAME:MSK",
  "END:STANDARD",
  "END:VTIMEZONE",
];

const MOSCOW_OFFSET_MS = 3 * 3600_000;

/** 20261210T180000: the Moscow clock time of an instant, for a TZID=Europe/Moscow value. */
const moscowStamp = (iso: string) =>
  new Date(Date.parse(iso) + MOSCOW_OFFSET_MS).toISOString().replace(/[-:]/g, "").slice(0, 15);

/** 20261203T142500Z */
const utcStamp = (iso: string) => `${new Date(iso).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

/** TEXT values escape backslashes, semicolons, commas and line breaks (RFC 5545 §3.3.11). */
const text = (value: string) =>
  value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** A parameter value is quoted when it holds a colon, semicolon or comma (§3.2); quotes cannot be escaped. */
const param = (value: string) => {
  const clean = value.replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
};

const encoder = new TextEncoder();

/**
 * Lines longer than 75 octets are folded (§3.1): CRLF and a space, never inside a UTF-8
 * character, which matters for Cyrillic (two octets a letter).
 */
function fold(line: string) {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function vevent(entry: CalendarEntry, stamp: string, method: string) {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${entry.uid}`,
    `SEQUENCE:${entry.sequence}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    `DTSTART;TZID=Europe/Moscow:${moscowStamp(entry.startsAt)}`,
    `DTEND;TZID=Europe/Moscow:${moscowStamp(entry.endsAt)}`,
    `SUMMARY:${text(entry.title)}`,
    `DESCRIPTION:${text(entry.description)}`,
    ...(entry.location ? [`LOCATION:${text(entry.location)}`] : []),
    `URL:${entry.url}`,
    `STATUS:${entry.cancelled || method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    ...(entry.organizer
      ? [`ORGANIZER;CN=${param(entry.organizer.name)}:mailto:${entry.organizer.email}`]
      : []),
    ...(entry.attendee
      ? [
          `ATTENDEE;CN=${param(entry.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${entry.attendee.email}`,
        ]
      : []),
    "END:VEVENT",
  ];
  return lines;
}

/**
 * A whole calendar: METHOD:REQUEST for an invitation or its update, CANCEL when it is called
 * off or the person cancelled, PUBLISH for a feed (with the calendar's name).
 */
export function calendarText(
  method: "REQUEST" | "CANCEL" | "PUBLISH",
  entries: CalendarEntry[],
  options: { stamp: string; name?: string },
) {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Кластер НКО Калужской области//Портал//RU",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    ...(options.name ? [`X-WR-CALNAME:${text(options.name)}`, "X-WR-TIMEZONE:Europe/Moscow"] : []),
    ...MOSCOW_ZONE,
    ...entries.flatMap((entry) => vevent(entry, options.stamp, method)),
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
