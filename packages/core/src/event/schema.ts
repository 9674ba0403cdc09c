import * as z from "zod/mini";
import { consultationTopicIds, eventFormatIds, eventKindIds, municipalityIds, sphereIds } from "../reference";
import { cursor, limit, optionalText, text, version, website } from "../shared/fields";

export const EventKind = z.enum(eventKindIds, { error: "Выберите вид мероприятия" });
export const EventFormat = z.enum(eventFormatIds, { error: "Выберите формат: очно, онлайн или оба" });
export const Attendance = z.enum(["in_person", "online"], { error: "Выберите: очно или онлайн" });
export type Attendance = z.infer<typeof Attendance>;

export const MAX_QUESTIONS = 10;

/** A clock time in Moscow as a datetime-local field sends it: 2026-12-10T18:00. */
const moscowLocal = (label: string) =>
  z.string({ error: `Укажите ${label}` }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "Дата и время в формате ГГГГ-ММ-ДДTЧЧ:ММ" }),
    z.refine((value) => fromMoscowLocal(value) !== undefined, { error: "Такой даты нет" }),
  );

/** The instant of a Moscow clock time (UTC+3 all year, see shared/dates.ts); undefined if it does not exist. */
export function fromMoscowLocal(value: string): Date | undefined {
  const instant = new Date(`${value}:00+03:00`);
  if (Number.isNaN(instant.getTime())) return undefined;
  // 2026-02-30T10:00 parses in some engines by rolling over into March: refused here.
  const back = new Date(instant.getTime() + 3 * 3600_000).toISOString().slice(0, 16);
  return back === value ? instant : undefined;
}

const seats = (label: string) =>
  z.optional(
    z
      .int({ error: `${label}: целое число мест` })
      .check(
        z.gte(1, { error: "Мест должно быть больше нуля (пусто — без ограничения)" }),
        z.lte(100_000, { error: "Слишком много мест" }),
      ),
  );

export const QuestionKind = z.enum(["text", "choice", "yesno"], { error: "Выберите вид вопроса" });

export const RegistrationQuestion = z.strictObject({
  /** Stable across edits, so answers keep their question; the portal assigns it when absent. */
  id: z.optional(z.string().check(z.regex(/^q[0-9a-z]{1,12}$/, { error: "Неверный номер вопроса" }))),
  kind: QuestionKind,
  label: text("вопрос", 3, 200),
  /** For a choice: two to ten options. */
  options: z._default(
    z.array(text("вариант ответа", 1, 100)).check(z.maxLength(10, { error: "Не больше 10 вариантов" })),
    [],
  ),
  required: z._default(z.boolean(), false),
});
export type RegistrationQuestion = z.infer<typeof RegistrationQuestion>;

const eventFields = {
  kind: EventKind,
  format: EventFormat,
  title: text("название", 5, 150).check(z.regex(/^[^\r\n]*$/, { error: "Название — в одну строку" })),
  description: text("описание", 20, 5000),
  startsAt: moscowLocal("начало"),
  endsAt: moscowLocal("окончание"),
  /** For an in-person or hybrid event. */
  municipality: z.optional(z.enum(municipalityIds, { error: "Выберите муниципалитет" })),
  address: optionalText(300),
  /** For an online or hybrid event: shown only to confirmed participants. */
  onlineUrl: z.optional(website),
  speakers: z._default(
    z.array(text("выступающего", 2, 150)).check(z.maxLength(20, { error: "Не больше 20 выступающих" })),
    [],
  ),
  /** Speakers chosen from the portal's experts and officials (GET /api/events/speakers). */
  speakerAccountIds: z._default(
    z
      .array(z.string().check(z.minLength(1), z.maxLength(40)))
      .check(z.maxLength(20, { error: "Не больше 20 выступающих" })),
    [],
  ),
  topic: z.optional(z.enum(consultationTopicIds, { error: "Выберите тему" })),
  spheres: z._default(
    z
      .array(z.enum(sphereIds, { error: "Выберите сферу из списка" }))
      .check(z.maxLength(5, { error: "Не больше 5 сфер" })),
    [],
  ),
  audience: optionalText(300),
  /** Absent: no limit. */
  capacityInPerson: seats("Очно"),
  capacityOnline: seats("Онлайн"),
  /** Each registration waits for the organiser's approval before it takes a seat. */
  approvalRequired: z._default(z.boolean({ error: "Да или нет" }), false),
  /** Absent: registration opens at once. */
  registrationOpensAt: z.optional(moscowLocal("начало регистрации")),
  /** Absent: registration closes when the event starts. */
  registrationClosesAt: z.optional(moscowLocal("конец регистрации")),
  questions: z._default(
    z
      .array(RegistrationQuestion)
      .check(z.maxLength(MAX_QUESTIONS, { error: `Не больше ${MAX_QUESTIONS} вопросов` })),
    [],
  ),
};

type EventShape = Partial<Record<keyof typeof eventFields, unknown>>;

/** Rules across fields, each said on the field a person should change; run even when others failed. */
const eventRules = z.superRefine(
  (value: EventShape | null, ctx) => {
    if (!value) return;
    const issue = (field: keyof typeof eventFields, message: string) =>
      ctx.addIssue({ code: "custom", path: [field], message, input: value });
    const at = (field: keyof typeof eventFields) =>
      typeof value[field] === "string" ? fromMoscowLocal(value[field] as string) : undefined;
    const starts = at("startsAt");
    const ends = at("endsAt");
    const opens = at("registrationOpensAt");
    const closes = at("registrationClosesAt");
    if (starts && ends && ends <= starts) issue("endsAt", "Окончание должно быть позже начала");
    if (starts && closes && closes > starts)
      issue("registrationClosesAt", "Регистрация должна закрыться до начала");
    if (opens && (closes ?? starts) && opens >= (closes ?? starts)!) {
      issue("registrationOpensAt", "Регистрация должна открыться раньше, чем закроется");
    }
    const inPerson = value.format === "in_person" || value.format === "hybrid";
    const remote = value.format === "online" || value.format === "hybrid";
    if (inPerson && !value.municipality) issue("municipality", "Выберите муниципалитет");
    if (inPerson && !(typeof value.address === "string" && value.address)) issue("address", "Укажите адрес");
    if (remote && !value.onlineUrl) issue("onlineUrl", "Укажите ссылку на подключение");
    if (!inPerson && value.capacityInPerson !== undefined) {
      issue("capacityInPerson", "Очных мест нет у онлайн-мероприятия");
    }
    if (!remote && value.capacityOnline !== undefined) {
      issue("capacityOnline", "Онлайн-мест нет у очного мероприятия");
    }
    const questions = Array.isArray(value.questions) ? (value.questions as RegistrationQuestion[]) : [];
    questions.forEach((question, index) => {
      if (question?.kind === "choice" && (question.options?.length ?? 0) < 2) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "options"],
          message: "У вопроса с выбором — не меньше двух вариантов",
          input: value,
        });
      }
    });
  },
  { when: () => true },
);

/** A series: every week or month on the first date's weekday or day of the month, until a date. */
export const MAX_OCCURRENCES = 52;
export const Repeat = z.strictObject({
  every: z.enum(["week", "month"], { error: "Выберите: каждую неделю или каждый месяц" }),
  until: z.string({ error: "Укажите, до какого дня повторять" }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Дата в формате ГГГГ-ММ-ДД" }),
    z.refine((value) => fromMoscowLocal(`${value}T00:00`) !== undefined, { error: "Такой даты нет" }),
  ),
});
export type Repeat = z.infer<typeof Repeat>;

/**
 * The Moscow clock times of a series' dates, the first one included: a week apart, or a month
 * apart on the same day of the month (a month without that day is skipped, as RFC 5545 does).
 */
export function occurrences(startsAt: string, repeat: Repeat | undefined): string[] {
  if (!repeat) return [startsAt];
  const [date, time] = startsAt.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const dates: string[] = [];
  for (let step = 0; dates.length <= MAX_OCCURRENCES; step++) {
    const next =
      repeat.every === "week"
        ? new Date(Date.UTC(year, month - 1, day + 7 * step))
        : new Date(Date.UTC(year, month - 1 + step, day));
    const iso = next.toISOString().slice(0, 10);
    if (iso > repeat.until) break;
    // 31 January plus a month rolls into March: that month has no 31st.
    if (repeat.every === "month" && next.getUTCDate() !== day) continue;
    dates.push(`${iso}T${time}`);
  }
  return dates;
}

/** An expert or official of the portal, as an organiser picks them and an event page names them. */
export const PortalSpeaker = z.object({
  accountId: z.string(),
  name: z.string(),
  role: z.enum(["expert", "official"]),
  /** The topics they answer, or the body they represent. */
  about: z.string(),
});
export type PortalSpeaker = z.infer<typeof PortalSpeaker>;

export const CreateEvent = z
  .strictObject({
    ...eventFields,
    /** A member proposing an event on behalf of this organisation; coordinators may leave it out. */
    organisationId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
    /** Absent: one date. */
    repeat: z.optional(Repeat),
  })
  .check(
    eventRules,
    z.superRefine((value, ctx) => {
      // An invalid first date is said on its own field; no series is reckoned from it.
      if (!value.repeat || typeof value.startsAt !== "string" || !fromMoscowLocal(value.startsAt)) return;
      const dates = occurrences(value.startsAt, value.repeat);
      const issue = (message: string) =>
        ctx.addIssue({ code: "custom", path: ["repeat", "until"], message, input: value });
      if (value.repeat.until <= value.startsAt.slice(0, 10)) issue("Повторять — до дня позже первой даты");
      else if (dates.length > MAX_OCCURRENCES) issue(`Не больше ${MAX_OCCURRENCES} дат в серии`);
      else if (dates.length < 2) issue("До этого дня повторов не будет: выберите день позже");
    }),
  );
export type CreateEvent = z.infer<typeof CreateEvent>;

export const UpdateEvent = z.strictObject({ ...eventFields, version }).check(eventRules);
export type UpdateEvent = z.infer<typeof UpdateEvent>;

export const CancelEvent = z.strictObject({
  reason: text("причину", 5, 500),
  version,
});
export type CancelEvent = z.infer<typeof CancelEvent>;

/** A personal feed's secret address carries its token in the query, as calendar applications keep it. */
export const CalendarFeedQuery = z.strictObject({
  token: z.string({ error: "Нет ключа календаря" }).check(z.minLength(20), z.maxLength(100)),
});

export const ReviewProposal = z.strictObject({ version });
export const ReturnProposal = z.strictObject({ reason: text("что доработать", 5, 1000), version });
export type ReturnProposal = z.infer<typeof ReturnProposal>;

export const EventQuery = z.strictObject({
  when: z._default(
    z.enum(["upcoming", "past"], { error: "Выберите: предстоящие или прошедшие" }),
    "upcoming",
  ),
  kind: z.optional(EventKind),
  format: z.optional(EventFormat),
  municipality: z.optional(z.enum(municipalityIds, { error: "Выберите муниципалитет" })),
  topic: z.optional(z.enum(consultationTopicIds, { error: "Выберите тему" })),
  /** Words of the title, description, speakers or place, in any form (the portal-wide search). */
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  cursor,
  limit,
});
export type EventQuery = z.infer<typeof EventQuery>;

/** An event as a search result shows it: what does not change with each registration. */
export const EventHit = z.object({
  id: z.string(),
  kind: EventKind,
  format: EventFormat,
  title: z.string(),
  startsAt: z.string(),
  municipality: z.optional(z.string()),
});
export type EventHit = z.infer<typeof EventHit>;

export const Answer = z.strictObject({
  questionId: z.string().check(z.minLength(1), z.maxLength(20)),
  value: z.union([
    z.string().check(z.trim(), z.maxLength(1000, { error: "Не длиннее 1000 символов" })),
    z.boolean(),
  ]),
});

export const Register = z.strictObject({
  /** For an organisation the person represents; absent: as a private person. */
  organisationId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** Required when the event is both in person and online. */
  attendance: z.optional(Attendance),
  answers: z._default(z.array(Answer).check(z.maxLength(MAX_QUESTIONS)), []),
});
export type Register = z.infer<typeof Register>;

export const RegistrationStatus = z.enum([
  "pending",
  "declined",
  "confirmed",
  "waiting",
  "offered",
  "cancelled",
  "expired",
]);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

export const RegistrationView = z.object({
  eventId: z.string(),
  status: RegistrationStatus,
  attendance: Attendance,
  organisation: z.optional(z.string()),
  /** Among those waiting for the same kind of seat, 1 for the next in line. */
  waitlistPosition: z.optional(z.number()),
  /** Until when an offered seat may be taken. */
  offerExpiresAt: z.optional(z.string()),
  /** A confirmed place's ticket code, shown as a QR code at the door. */
  ticket: z.optional(z.string()),
  checkedInAt: z.optional(z.string()),
  /** What the organiser said when declining the request. */
  declineReason: z.optional(z.string()),
  /** The attendee's own feedback, once given. */
  feedback: z.optional(z.object({ rating: z.number(), comment: z.optional(z.string()) })),
  /** Whether the attendee may download a certificate (the event held, attendance recorded). */
  certificate: z.boolean(),
  /** The certificate's verification code, once it has been downloaded. */
  certificateCode: z.optional(z.string()),
  createdAt: z.string(),
  version: z.number(),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

export const ChangeRegistration = z.strictObject({ version });

/** A ticket as printed under its QR code: ten letters and digits, no look-alikes. */
export const TICKET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** At the door by the ticket's code, or from the list by the participant's account: one of the two. */
export const CheckIn = z
  .strictObject({
    ticket: z.optional(
      z.pipe(
        z.string({ error: "Введите код билета" }).check(z.trim(), z.toUpperCase()),
        z.string().check(z.regex(/^[A-HJ-NP-Z2-9]{10}$/, { error: "Код билета — 10 букв и цифр" })),
      ),
    ),
    accountId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  })
  .check(
    z.refine((value) => (value.ticket === undefined) !== (value.accountId === undefined), {
      error: "Введите код билета",
      path: ["ticket"],
    }),
  );
export type CheckIn = z.infer<typeof CheckIn>;

export const DeclineRegistration = z.strictObject({ reason: text("причину отказа", 5, 1000) });
export type DeclineRegistration = z.infer<typeof DeclineRegistration>;

export const MessageParticipants = z.strictObject({
  to: z.enum(["confirmed", "everyone"], { error: "Выберите, кому написать" }),
  subject: text("тему письма", 3, 150),
  text: text("текст письма", 10, 5000),
});
export type MessageParticipants = z.infer<typeof MessageParticipants>;

export const ParticipantsFileQuery = z.strictObject({
  format: z.enum(["csv", "xlsx"], { error: "Выберите формат: csv или xlsx" }),
});

export const Participant = z.object({
  accountId: z.string(),
  name: z.string(),
  email: z.string(),
  organisation: z.optional(z.string()),
  attendance: Attendance,
  status: RegistrationStatus,
  answers: z.array(z.object({ questionId: z.string(), value: z.string() })),
  registeredAt: z.string(),
  checkedInAt: z.optional(z.string()),
});
export type Participant = z.infer<typeof Participant>;
export type ChangeRegistration = z.infer<typeof ChangeRegistration>;

export const MaterialKind = z.enum(["recording", "slides", "link"], { error: "Выберите вид материала" });
export const Material = z.strictObject({
  kind: MaterialKind,
  title: text("название материала", 2, 200),
  url: website,
});
export type Material = z.infer<typeof Material>;

/** How it went: recorded after the start, when the event counts as held. Recorded again to correct it. */
export const EventOutcome = z.strictObject({
  summary: optionalText(10_000),
  materials: z._default(z.array(Material).check(z.maxLength(20, { error: "Не больше 20 материалов" })), []),
  version,
});
export type EventOutcome = z.infer<typeof EventOutcome>;

export const GiveFeedback = z.strictObject({
  rating: z
    .number({ error: "Поставьте оценку от 1 до 5" })
    .check(
      z.int({ error: "Поставьте оценку от 1 до 5" }),
      z.gte(1, { error: "Поставьте оценку от 1 до 5" }),
      z.lte(5, { error: "Поставьте оценку от 1 до 5" }),
    ),
  comment: optionalText(2000),
});
export type GiveFeedback = z.infer<typeof GiveFeedback>;

/** The attendees' feedback as the organiser reads it: comments without names, so people say what they think. */
export const FeedbackResults = z.object({
  count: z.number(),
  average: z.optional(z.number()),
  /** How many gave 1, 2, 3, 4 and 5. */
  ratings: z.array(z.number()),
  attended: z.number(),
  comments: z.array(z.object({ rating: z.number(), comment: z.string(), at: z.string() })),
});
export type FeedbackResults = z.infer<typeof FeedbackResults>;

const SeatCount = z.object({
  /** Absent: no limit. */
  capacity: z.optional(z.number()),
  taken: z.number(),
});

export const EventStatus = z.enum(["proposed", "returned", "published", "cancelled"]);

export const EventView = z.object({
  id: z.string(),
  kind: EventKind,
  format: EventFormat,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  municipality: z.optional(z.string()),
  address: z.optional(z.string()),
  topic: z.optional(z.string()),
  spheres: z.array(z.string()),
  status: EventStatus,
  organiser: z.string(),
  seats: z.object({ inPerson: z.optional(SeatCount), online: z.optional(SeatCount) }),
  waiting: z.number(),
  approvalRequired: z.boolean(),
  /** Requests the organiser has not decided on yet. */
  awaitingApproval: z.number(),
  registration: z.enum(["not_yet", "open", "closed"]),
  /** The cover picture's address, when the event has one. */
  coverPath: z.optional(z.string()),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
});
export type EventView = z.infer<typeof EventView>;

export const EventDetail = z.object({
  ...EventView.shape,
  description: z.string(),
  speakers: z.array(z.string()),
  portalSpeakers: z.array(PortalSpeaker),
  audience: z.optional(z.string()),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: QuestionKind,
      label: z.string(),
      options: z.array(z.string()),
      required: z.boolean(),
    }),
  ),
  /** The dates of its series, this one included, in order (absent for a single event). */
  series: z.optional(z.array(z.object({ id: z.string(), startsAt: z.string(), status: EventStatus }))),
  /** Why the organiser called it off. */
  cancelReason: z.optional(z.string()),
  /** What a coordinator asked the organiser to improve (organisers only). */
  returnReason: z.optional(z.string()),
  /** After the event: when the organiser recorded it as held, the summary and the materials. */
  heldAt: z.optional(z.string()),
  summary: z.optional(z.string()),
  materials: z.array(z.object({ kind: MaterialKind, title: z.string(), url: z.string() })),
  feedback: z.object({ count: z.number(), average: z.optional(z.number()) }),
  /** Only for confirmed participants and the organisers. */
  onlineUrl: z.optional(z.string()),
  myRegistration: z.optional(RegistrationView),
  version: z.number(),
  may: z.object({
    register: z.boolean(),
    manage: z.boolean(),
    review: z.boolean(),
    /** The organiser may record the outcome from the start on. */
    recordOutcome: z.boolean(),
    giveFeedback: z.boolean(),
  }),
});
export type EventDetail = z.infer<typeof EventDetail>;

/** A registration in a person's list, with the event it is for. */
export const MyRegistration = z.object({ registration: RegistrationView, event: EventView });
export type MyRegistration = z.infer<typeof MyRegistration>;
