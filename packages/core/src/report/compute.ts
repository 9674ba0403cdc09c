import {
  municipalities,
  municipalityName,
  type OrganisationKind,
  organisationKindName,
  organisationKinds,
  type ResourceCategory,
  resourceCategories,
  resourceCategoryName,
} from "../reference";
import { instants, type Period } from "./periods";
import type { Figures, Line, SeriesPoint } from "./schema";

/** What a report reads about an organisation: when it applied and when it was decided. */
export interface OrganisationFact {
  kind: OrganisationKind;
  municipality: string;
  status: "pending" | "approved" | "rejected";
  createdAt: string;
  /** Approval or rejection; absent while pending. */
  decidedAt?: string;
}

export interface QuestionFact {
  /** "experts" or "body#<organisationId>" (consultation/questions.ts scopeOf). */
  scope: string;
  createdAt: string;
  dueAt: string;
  firstAnsweredAt?: string;
}

export interface ContributionFact {
  at: string;
  category: ResourceCategory;
  value?: number;
}

/** An event that began in the span: its confirmed places, who came, and its feedback. */
export interface EventFact {
  startsAt: string;
  confirmed: number;
  attended: number;
  feedbackCount: number;
  feedbackTotal: number;
}

export interface Reach {
  sent: number;
  bounced: number;
  unsubscribed: number;
}

/**
 * The rows a report is computed from, read once for a span covering every period it shows (see
 * figures.ts); each period's figures are then a pure function of them.
 */
export interface Facts {
  /** Every organisation that applied before the span ended. */
  organisations: OrganisationFact[];
  /** publishedAt of the listings published in the span. */
  listingsPublished: string[];
  /** createdAt of the request–offer pairs matching found in the span. */
  matchesFound: string[];
  contributions: ContributionFact[];
  /** Questions asked in the span and in the deadline window before it (due in the span). */
  questions: QuestionFact[];
  /** Display names of the consultation scopes: "Эксперты" and each authority body. */
  scopeNames: Record<string, string>;
  /** Published events that began in the span. */
  events: EventFact[];
}

const within = (at: string | undefined, { start, end }: { start: string; end: string }) =>
  at !== undefined && at >= start && at < end;

export function median(values: number[]) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const HOUR_MS = 3600_000;

/**
 * Members: `new` were approved in the period, `total` were members at its end, `pending` had
 * applied by its end and were not yet decided then (so a past period reads the same later).
 */
function members(organisations: OrganisationFact[], period: Period) {
  const span = instants(period);
  const counts = (list: OrganisationFact[]) => ({
    new: list.filter((item) => item.status === "approved" && within(item.decidedAt, span)).length,
    total: list.filter((item) => item.status === "approved" && (item.decidedAt ?? item.createdAt) < span.end)
      .length,
    pending: list.filter(
      (item) => item.createdAt < span.end && (item.decidedAt === undefined || item.decidedAt >= span.end),
    ).length,
  });
  return {
    ...counts(organisations),
    byKind: organisationKinds.map(({ id }) => ({
      kind: id,
      ...counts(organisations.filter((item) => item.kind === id)),
    })),
    byMunicipality: municipalities.map(({ id }) => ({
      municipality: id as string,
      ...counts(organisations.filter((item) => item.municipality === id)),
    })),
  };
}

/**
 * Consultations asked in the period, as they stood at its end (or now, for a period still
 * running): answered, answered on time among those whose outcome is known (answered, or past due
 * without an answer), and the median hours to the first answer. `overdue` counts, per authority
 * body and for the experts, the deadlines that fell in the period and were missed.
 */
function consultations(facts: Facts, period: Period, now: Date) {
  const span = instants(period);
  const asOf = [span.end, now.toISOString()].sort()[0] as string;
  const answeredBy = (item: QuestionFact, moment: string) =>
    item.firstAnsweredAt !== undefined && item.firstAnsweredAt < moment;
  const received = facts.questions.filter((item) => within(item.createdAt, span));
  const answered = received.filter((item) => answeredBy(item, asOf));
  const onTime = answered.filter((item) => (item.firstAnsweredAt as string) <= item.dueAt).length;
  const lateUnanswered = received.filter((item) => !answeredBy(item, asOf) && item.dueAt < asOf).length;
  const decided = answered.length + lateUnanswered;
  const hours = median(
    answered.map(
      (item) => (Date.parse(item.firstAnsweredAt as string) - Date.parse(item.createdAt)) / HOUR_MS,
    ),
  );
  const missed = facts.questions.filter(
    (item) =>
      within(item.dueAt, span) &&
      item.dueAt < asOf &&
      (item.firstAnsweredAt === undefined || item.firstAnsweredAt > item.dueAt),
  );
  const byScope = new Map<string, number>();
  for (const item of missed) byScope.set(item.scope, (byScope.get(item.scope) ?? 0) + 1);
  return {
    received: received.length,
    answered: answered.length,
    onTimePercent: decided ? Math.round((onTime / decided) * 100) : null,
    medianHoursToFirstAnswer: hours === null ? null : Math.round(hours * 10) / 10,
    overdue: missed.length,
    overdueByBody: [...byScope]
      .map(([scope, overdue]) => ({ scope, name: facts.scopeNames[scope] ?? scope, overdue }))
      .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, "ru")),
  };
}

function resources(facts: Facts, period: Period) {
  const span = instants(period);
  const handovers = facts.contributions.filter((item) => within(item.at, span));
  const worth = (list: ContributionFact[]) => list.reduce((sum, item) => sum + (item.value ?? 0), 0);
  return {
    opened: facts.listingsPublished.filter((at) => within(at, span)).length,
    matched: facts.matchesFound.filter((at) => within(at, span)).length,
    fulfilled: handovers.length,
    value: worth(handovers),
    byCategory: resourceCategories.map(({ id }) => {
      const ofCategory = handovers.filter((item) => item.category === id);
      return { category: id, count: ofCategory.length, value: worth(ofCategory) };
    }),
  };
}

/**
 * Events that began in the period (up to now, for a period still running): held, confirmed
 * places, attendance recorded, and the attendees' average rating.
 */
function events(facts: Facts, period: Period, now: Date) {
  const span = instants(period);
  const asOf = [span.end, now.toISOString()].sort()[0] as string;
  const held = facts.events.filter((item) => within(item.startsAt, span) && item.startsAt < asOf);
  const sum = (pick: (item: EventFact) => number) => held.reduce((total, item) => total + pick(item), 0);
  const registrations = sum((item) => item.confirmed);
  const attended = sum((item) => item.attended);
  const feedbackCount = sum((item) => item.feedbackCount);
  return {
    held: held.length,
    registrations,
    attended,
    attendancePercent: registrations ? Math.round((attended / registrations) * 100) : null,
    feedbackCount,
    feedbackAverage: feedbackCount
      ? Math.round((sum((item) => item.feedbackTotal) / feedbackCount) * 10) / 10
      : null,
  };
}

export function figuresOf(facts: Facts, period: Period, reach: Reach, now: Date): Figures {
  return {
    members: members(facts.organisations, period),
    resources: resources(facts, period),
    consultations: consultations(facts, period, now),
    events: events(facts, period, now),
    reach,
  };
}

/** Relative change in whole percent; none when there was nothing to compare with. */
const percentChange = (current: number, previous: number) =>
  previous === 0 ? null : Math.round(((current - previous) / previous) * 100);

function line(
  key: string,
  section: string,
  name: string,
  current: number | null,
  previous: number | null,
  relative = true,
): Line {
  const both = current !== null && previous !== null;
  return {
    key,
    section,
    name,
    current,
    previous,
    change: both ? Math.round((current - previous) * 10) / 10 : null,
    changePercent: both && relative ? percentChange(current, previous) : null,
  };
}

export const sections = {
  members: "Участники",
  kinds: "Участники по видам",
  municipalities: "Участники по муниципалитетам",
  resources: "Банк ресурсов",
  categories: "Вклад по категориям",
  consultations: "Консультации",
  overdue: "Просроченные ответы",
  events: "Мероприятия",
  reach: "Охват рассылок",
} as const;

/**
 * Every figure of the report next to the previous period's, in the order the letter, the files
 * and the dashboard show them. Rows are listed even when both periods are zero, so two files
 * always have the same rows — except overdue bodies, listed only where something was overdue.
 */
export function linesOf(current: Figures, previous: Figures): Line[] {
  type Counts = { new: number; total: number; pending: number };
  const memberLines = (prefix: string, section: string, label: string, now: Counts, before: Counts) => [
    line(`${prefix}.new`, section, `${label}новые`, now.new, before.new),
    line(`${prefix}.total`, section, `${label}всего`, now.total, before.total),
    line(`${prefix}.pending`, section, `${label}заявки на рассмотрении`, now.pending, before.pending),
  ];
  const find = <T, K extends keyof T>(list: T[], key: K, value: T[K]) =>
    list.find((item) => item[key] === value);
  const zeroMembers = { new: 0, total: 0, pending: 0 };
  const scopes = [
    ...new Map(
      [...current.consultations.overdueByBody, ...previous.consultations.overdueByBody].map((row) => [
        row.scope,
        row.name,
      ]),
    ),
  ];
  const { members: m, resources: r, consultations: c, events: e, reach } = current;
  const { members: pm, resources: pr, consultations: pc, events: pe, reach: preach } = previous;
  return [
    line("members.new", sections.members, "Новые участники", m.new, pm.new),
    line("members.total", sections.members, "Всего участников", m.total, pm.total),
    line("members.pending", sections.members, "Заявки на рассмотрении", m.pending, pm.pending),
    ...m.byKind.flatMap((row) =>
      memberLines(
        `members.kind.${row.kind}`,
        sections.kinds,
        `${organisationKindName[row.kind]}: `,
        row,
        find(pm.byKind, "kind", row.kind) ?? zeroMembers,
      ),
    ),
    ...m.byMunicipality.flatMap((row) =>
      memberLines(
        `members.municipality.${row.municipality}`,
        sections.municipalities,
        `${municipalityName[row.municipality as keyof typeof municipalityName] ?? row.municipality}: `,
        row,
        find(pm.byMunicipality, "municipality", row.municipality) ?? zeroMembers,
      ),
    ),
    line("resources.opened", sections.resources, "Открыто объявлений", r.opened, pr.opened),
    line("resources.matched", sections.resources, "Найдено совпадений", r.matched, pr.matched),
    line("resources.fulfilled", sections.resources, "Состоялось передач", r.fulfilled, pr.fulfilled),
    line("resources.value", sections.resources, "Оценка вклада, руб.", r.value, pr.value),
    ...r.byCategory.flatMap((row) => {
      const before = find(pr.byCategory, "category", row.category) ?? { count: 0, value: 0 };
      const name = resourceCategoryName[row.category];
      return [
        line(
          `resources.category.${row.category}.count`,
          sections.categories,
          `${name}: передач`,
          row.count,
          before.count,
        ),
        line(
          `resources.category.${row.category}.value`,
          sections.categories,
          `${name}: руб.`,
          row.value,
          before.value,
        ),
      ];
    }),
    line("consultations.received", sections.consultations, "Поступило вопросов", c.received, pc.received),
    line("consultations.answered", sections.consultations, "Получили ответ", c.answered, pc.answered),
    line(
      "consultations.onTimePercent",
      sections.consultations,
      "Ответ вовремя, %",
      c.onTimePercent,
      pc.onTimePercent,
      false,
    ),
    line(
      "consultations.medianHours",
      sections.consultations,
      "Медиана до первого ответа, ч",
      c.medianHoursToFirstAnswer,
      pc.medianHoursToFirstAnswer,
      false,
    ),
    line("consultations.overdue", sections.consultations, "Просрочено ответов", c.overdue, pc.overdue),
    ...scopes.map(([scope, name]) =>
      line(
        `consultations.overdue.${scope}`,
        sections.overdue,
        name,
        find(c.overdueByBody, "scope", scope)?.overdue ?? 0,
        find(pc.overdueByBody, "scope", scope)?.overdue ?? 0,
      ),
    ),
    line("events.held", sections.events, "Проведено мероприятий", e.held, pe.held),
    line("events.registrations", sections.events, "Подтверждённых мест", e.registrations, pe.registrations),
    line("events.attended", sections.events, "Пришли (отмечены)", e.attended, pe.attended),
    line(
      "events.attendancePercent",
      sections.events,
      "Явка, %",
      e.attendancePercent,
      pe.attendancePercent,
      false,
    ),
    line("events.feedbackCount", sections.events, "Отзывов", e.feedbackCount, pe.feedbackCount),
    line(
      "events.feedbackAverage",
      sections.events,
      "Средняя оценка (1–5)",
      e.feedbackAverage,
      pe.feedbackAverage,
      false,
    ),
    line("reach.sent", sections.reach, "Отправлено дайджестов", reach.sent, preach.sent),
    line("reach.bounced", sections.reach, "Не доставлено (отказ адреса)", reach.bounced, preach.bounced),
    line("reach.unsubscribed", sections.reach, "Отписались", reach.unsubscribed, preach.unsubscribed),
  ];
}

/** One month's headline figures for the dashboard's charts. */
export const pointOf = (month: string, figures: Figures): SeriesPoint => ({
  month,
  membersNew: figures.members.new,
  membersTotal: figures.members.total,
  pending: figures.members.pending,
  listingsOpened: figures.resources.opened,
  matched: figures.resources.matched,
  fulfilled: figures.resources.fulfilled,
  contributionValue: figures.resources.value,
  questionsReceived: figures.consultations.received,
  questionsAnswered: figures.consultations.answered,
  onTimePercent: figures.consultations.onTimePercent,
  overdue: figures.consultations.overdue,
  eventsHeld: figures.events.held,
  attended: figures.events.attended,
  attendancePercent: figures.events.attendancePercent,
  digestsSent: figures.reach.sent,
  bounced: figures.reach.bounced,
  unsubscribed: figures.reach.unsubscribed,
});
