import ICAL from "ical.js";
import icalGenerator, { ICalCalendarMethod } from "ical-generator";
import { describe, expect, it } from "vitest";
import { type CalendarEntry, calendarText } from "./ical";

/** ical.js, Mozilla's parser (Thunderbird's), as the independent reader: the events it finds. */
function read(textValue: string) {
  const calendar = new ICAL.Component(ICAL.parse(textValue));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return {
    method: calendar.getFirstPropertyValue("method"),
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    events: calendar.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        sequence: event.sequence,
        summary: event.summary,
        description: event.description,
        location: event.location,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        zone: event.startDate.zone?.tzid,
        url: component.getFirstPropertyValue("url"),
        status: component.getFirstPropertyValue("status"),
        organizer: component.getFirstPropertyValue("organizer"),
        attendee: component.getFirstPropertyValue("attendee"),
      };
    }),
  };
}

const entry: CalendarEntry = {
  uid: "01JEVENT0000000000000000000@nko-kaluga.ru",
  sequence: 2,
  startsAt: "2026-12-10T15:00:00.000Z",
  endsAt: "2026-12-10T17:30:00.000Z",
  title: "Вебинар: бюджет заявки; статьи, софинансирование и отчёт",
  description:
    "Разбираем бюджет заявки в Фонд президентских грантов.\nВопросы — заранее, в форме регистрации; ссылка в письме.",
  location: "Калуга, ул. Ленина, 74, каб. 12",
  url: "https://nko-kaluga.ru/events/01JEVENT0000000000000000000",
  organizer: { name: "Кластер НКО Калужской области", email: "noreply@nko-kaluga.ru" },
  attendee: { name: "Анна Петрова, АНО «Соседи»", email: "anna@example.org" },
};

describe("calendarText", () => {
  it("writes an invitation that ical.js reads back field for field, on Moscow time", () => {
    const written = calendarText("REQUEST", [entry], { stamp: "2026-12-03T10:00:00.000Z" });
    const { method, events } = read(written);
    expect(method).toBe("REQUEST");
    expect(events).toEqual([
      {
        uid: entry.uid,
        sequence: 2,
        summary: entry.title,
        description: entry.description,
        location: entry.location,
        start: entry.startsAt,
        end: entry.endsAt,
        zone: "Europe/Moscow",
        url: entry.url,
        status: "CONFIRMED",
        organizer: "mailto:noreply@nko-kaluga.ru",
        attendee: "mailto:anna@example.org",
      },
    ]);
    expect(written).toContain("DTSTART;TZID=Europe/Moscow:20261210T180000");
    expect(written).toContain('ATTENDEE;CN="Анна Петрова, АНО «Соседи»"');
  });

  it("folds long lines at 75 octets without splitting a Cyrillic letter, with CRLF endings", () => {
    const long = { ...entry, description: "Очень длинное описание мероприятия. ".repeat(12) };
    const written = calendarText("PUBLISH", [long], {
      stamp: "2026-12-03T10:00:00.000Z",
      name: "Мероприятия",
    });
    const lines = written.split("\r\n");
    expect(written.endsWith("\r\n")).toBe(true);
    expect(written.replace(/\r\n/g, "")).not.toContain("\n");
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    const { events, name } = read(written);
    expect(name).toBe("Мероприятия");
    expect(events[0]?.description).toBe(long.description);
  });

  it("marks a cancellation as cancelled, with its raised sequence", () => {
    const { method, events } = read(
      calendarText("CANCEL", [{ ...entry, sequence: 3 }], { stamp: "2026-12-04T10:00:00.000Z" }),
    );
    expect(method).toBe("CANCEL");
    expect(events[0]).toMatchObject({ status: "CANCELLED", sequence: 3, uid: entry.uid });
  });

  it("reads as ical-generator's calendar of the same event reads", () => {
    const generated = icalGenerator({
      prodId: "//Кластер НКО Калужской области//Портал//RU",
      method: ICalCalendarMethod.REQUEST,
      events: [
        {
          id: entry.uid,
          sequence: entry.sequence,
          start: new Date(entry.startsAt),
          end: new Date(entry.endsAt),
          summary: entry.title,
          description: entry.description,
          location: entry.location,
          url: entry.url,
          stamp: new Date("2026-12-03T10:00:00.000Z"),
        },
      ],
    }).toString();
    const ours = read(calendarText("REQUEST", [entry], { stamp: "2026-12-03T10:00:00.000Z" })).events[0];
    const theirs = read(generated).events[0];
    for (const field of [
      "uid",
      "sequence",
      "summary",
      "description",
      "location",
      "start",
      "end",
      "url",
    ] as const) {
      expect(ours?.[field], field).toEqual(theirs?.[field]);
    }
  });
});
