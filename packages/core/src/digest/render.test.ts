import { describe, expect, it } from "vitest";
import { headerSafe } from "../mail/index";
import type { Digest } from "./content";
import { renderDigest, subjectOf } from "./render";

const listing = (title: string, ownerName = "АНО «Добро»") => ({
  id: "L1",
  kind: "offer" as const,
  category: "premises",
  title,
  place: "kaluga",
  ownerName,
  at: "2026-11-20T10:00:00.000Z",
});

const empty: Digest = { matched: [], listings: [], answers: [], members: [], closing: [], events: [] };

describe("digest letters", () => {
  it("announce the coming events with their kind, Moscow time, place and link", () => {
    const event = {
      id: "E1",
      kind: "webinar",
      format: "hybrid",
      title: "Бюджет заявки",
      startsAt: "2026-12-10T15:00:00.000Z",
      municipality: "obninsk",
      at: "2026-12-01T10:00:00.000Z",
    };
    const letter = renderDigest({ ...empty, events: [event] }, "token.sig");
    expect(letter.text).toContain("БЛИЖАЙШИЕ МЕРОПРИЯТИЯ");
    expect(letter.text).toContain("Вебинар · 10 декабря в 18:00 (мск) · Обнинск · онлайн");
    expect(letter.html).toContain("to=%2Fevents%2FE1");
    expect(subjectOf({ ...empty, events: [event, event] })).toBe("Дайджест Кластера НКО: 2 мероприятия");
  });

  it("escape people's text in HTML and keep it on one line in plain text", () => {
    const letter = renderDigest(
      {
        ...empty,
        listings: [listing('Зал <img src=x onerror="alert(1)">\r\nBcc: victim@example.org', "<b>Бизнес</b>")],
      },
      "token.sig",
    );
    expect(letter.html).not.toMatch(/<img src=x|<b>Бизнес/);
    expect(letter.html).toContain(
      "Зал &#60;img src=x onerror=&#34;alert(1)&#34;&#62; Bcc: victim@example.org",
    );
    expect(letter.text).toContain('• Зал <img src=x onerror="alert(1)"> Bcc: victim@example.org\n');
    expect(letter.text).not.toMatch(/\r|\nBcc:/);
  });

  it("make header values harmless: no CR, LF or other control characters survive", () => {
    expect(headerSafe("Тема\r\nBcc: victim@example.org\u0000")).toBe("Тема Bcc: victim@example.org");
  });

  it("count what is inside in the subject, in proper Russian plurals", () => {
    expect(subjectOf({ ...empty, listings: [listing("А")], answers: Array(2).fill({}) })).toBe(
      "Дайджест Кластера НКО: 1 объявление, 2 ответа",
    );
    expect(subjectOf({ ...empty, members: Array(5).fill({}) })).toBe(
      "Дайджест Кластера НКО: 5 новых участников",
    );
  });

  it("carry RFC 8058 one-click headers and show at most ten per section with a link to the rest", () => {
    const letter = renderDigest(
      { ...empty, listings: Array.from({ length: 12 }, (_, i) => listing(`Объявление ${i}`)) },
      "t.s",
    );
    expect(letter.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(letter.headers["List-Unsubscribe"]).toMatch(/^<http.+\/api\/digests\/unsubscribe\?token=t\.s>$/);
    expect(letter.text.match(/^• /gm)).toHaveLength(10);
    expect(letter.text).toContain("И ещё 2:");
  });
});
