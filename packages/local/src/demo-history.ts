import * as Account from "@cluster/core/account/index";
import type { Person } from "@cluster/core/actor";
import * as Questions from "@cluster/core/consultation/questions";
import { db } from "@cluster/core/db/service";
import * as Digest from "@cluster/core/digest/send";
import * as Subscriptions from "@cluster/core/digest/subscriptions";
import * as Changes from "@cluster/core/event/changes";
import * as Events from "@cluster/core/event/events";
import * as Organiser from "@cluster/core/event/organiser";
import * as Outcome from "@cluster/core/event/outcome";
import * as Registrations from "@cluster/core/event/registrations";
import type { CreateEvent, EventOutcome, GiveFeedback } from "@cluster/core/event/schema";
import { type ConsultationTopic, consent, type Role } from "@cluster/core/reference";
import * as Responses from "@cluster/core/resource/responses";
import * as Clock from "@cluster/core/shared/clock";
import { ulid } from "@cluster/core/shared/ulid";
import { publishLibrary } from "./demo-library";

/**
 * A year of the demo cluster's life, written through the real verbs with the clock moved back
 * (shared/clock.ts): questions asked and answered by the demo expert and ministry, Resource Bank
 * handovers, weekly digests. Every derived row (deadline stats, the knowledge base, the ledger,
 * digest reach) is then exactly what the portal itself would have written on those days.
 */

export const DEMO_PEOPLE = {
  member: "dobrye-sosedi@nko-kaluga.example",
  expert: "ekspert@nko-kaluga.example",
  official: "minpolitiki@nko-kaluga.example",
} as const;

const DAY = 86_400_000;

interface DemoPerson {
  email: string;
  name: string;
  roles: Role[];
  /** Short names of the demo organisations the person represents. */
  represents?: string[];
  expertTopics?: ConsultationTopic[];
}

const people = {
  member: {
    email: DEMO_PEOPLE.member,
    name: "Анна Смирнова (демо)",
    roles: ["member"],
    represents: ["АНО «Добрые соседи»"],
  },
  yolochka: {
    email: "yolochka@nko-kaluga.example",
    name: "Ирина Белова (демо)",
    roles: ["member"],
    represents: ["КРОО «Ёлочка»"],
  },
  theatre: {
    email: "svetlyachok@nko-kaluga.example",
    name: "Павел Громов (демо)",
    roles: ["member"],
    represents: ["Театр «Светлячок»"],
  },
  tos: {
    email: "tos-maloyaroslavets@nko-kaluga.example",
    name: "Сергей Лаптев (демо)",
    roles: ["member"],
    represents: ["Ассоциация ТОС"],
  },
  // Topics no test of the suite routes to (registration, promotion): their round-robin counts stay the tests'.
  expert: {
    email: DEMO_PEOPLE.expert,
    name: "Мария Иванова, юрист НКО (демо)",
    roles: ["expert"],
    expertTopics: ["legal", "accounting", "grants", "projects"],
  },
  official: {
    email: DEMO_PEOPLE.official,
    name: "Наталья Орлова, Минполитики (демо)",
    roles: ["member", "official"],
    represents: ["Минполитики (демо)"],
  },
} satisfies Record<string, DemoPerson>;

type Who = keyof typeof people;

interface DemoQuestion {
  asker: Who;
  topic: ConsultationTopic;
  /** Addressed to the demo ministry for an official answer (30 days) instead of the experts. */
  toMinistry?: boolean;
  title: string;
  text: string;
  daysAgo: number;
  /** The answer, given this many days after asking; absent: still unanswered. */
  answer?: { text: string; afterDays: number; rating?: number };
  /** Taken in work without an answer yet. */
  takenOnly?: boolean;
}

const questions: DemoQuestion[] = [
  {
    asker: "member",
    topic: "legal",
    title: "Нужен ли письменный договор с волонтёром?",
    text:
      "Мы привлекаем волонтёров к доставке продуктов пожилым людям. Обязательно ли заключать с ними " +
      "письменный договор и что в нём должно быть?",
    daysAgo: 330,
    answer: {
      text:
        "Письменный договор не обязателен (ст. 17.1 Закона № 135-ФЗ), но его стоит заключать: в нём " +
        "указывают предмет работ, сроки, порядок возмещения расходов волонтёра и условия охраны труда. " +
        "Для несовершеннолетних нужно согласие родителей.",
      afterDays: 1,
      rating: 5,
    },
  },
  {
    asker: "yolochka",
    topic: "accounting",
    title: "Какую отчётность сдаёт НКО на УСН без сотрудников?",
    text:
      "У нашей организации нет сотрудников по трудовому договору, работаем на упрощённой системе. " +
      "Какие отчёты и в какие сроки нужно сдавать в налоговую, СФР и Минюст?",
    daysAgo: 280,
    answer: {
      text:
        "Декларация по УСН — до 25 марта, бухгалтерская отчётность — до 31 марта, отчёт в Минюст " +
        "(форма ОН0001 или сообщение о продолжении деятельности) — до 15 апреля. В СФР ежемесячно " +
        "подаётся ЕФС-1 на руководителя, даже без зарплаты.",
      afterDays: 2,
      rating: 4,
    },
  },
  {
    asker: "theatre",
    topic: "grants",
    title: "Как описать социальную значимость проекта в заявке на грант?",
    text:
      "Готовим первую заявку в Фонд президентских грантов: детский театр для сельских школ. Что " +
      "эксперты хотят увидеть в разделе об актуальности и социальной значимости?",
    daysAgo: 230,
    answer: {
      text:
        "Опишите проблему цифрами из открытых источников (сколько детей, как далеко до ближайшего театра), " +
        "покажите, что целевая группа сама просит такой проект (письма поддержки школ), и свяжите проблему " +
        "с результатами проекта. Эксперты оценивают именно эту логическую связь.",
      afterDays: 1,
      rating: 5,
    },
  },
  {
    asker: "member",
    topic: "authorities",
    toMinistry: true,
    title: "Порядок получения субсидии СО НКО из областного бюджета",
    text:
      "Наша АНО оказывает социальные услуги пожилым людям. Какие субсидии из областного бюджета мы можем " +
      "получить и когда объявляется конкурс?",
    daysAgo: 200,
    answer: {
      text:
        "Конкурс субсидий социально ориентированным НКО объявляется ежегодно в первом квартале на сайте " +
        "министерства. Организация должна быть зарегистрирована не менее года назад и вести деятельность в " +
        "Калужской области. Консультации по заявкам проводятся по вторникам.",
      afterDays: 21,
      rating: 5,
    },
  },
  {
    asker: "tos",
    topic: "projects",
    title: "Как вести учёт волонтёрских часов по проекту?",
    text:
      "По гранту нужно отчитаться о вкладе волонтёров. Как правильно учитывать их часы и переводить " +
      "в деньги для отчёта?",
    daysAgo: 150,
    answer: {
      text:
        "Ведите табель с датой, видом работ и часами за подписью волонтёра. Для оценки в рублях " +
        "используйте среднюю зарплату по профессии в регионе по данным Калугастата; приложите расчёт к отчёту.",
      afterDays: 3,
    },
  },
  {
    asker: "yolochka",
    topic: "authorities",
    toMinistry: true,
    title: "Можно ли получить помещение в безвозмездное пользование?",
    text:
      "Нам нужен зал для занятий с детьми. Предоставляет ли область помещения некоммерческим организациям " +
      "безвозмездно и куда обращаться?",
    daysAgo: 95,
    answer: {
      text:
        "Да: в перечне имущества для поддержки СО НКО есть свободные помещения в Калуге и Обнинске. " +
        "Заявление подаётся в министерство экономического развития; рассмотрение — до 30 дней.",
      afterDays: 26,
    },
  },
  {
    asker: "theatre",
    topic: "legal",
    title: "Можно ли продавать билеты на спектакли некоммерческого театра?",
    text:
      "Наш театр — автономная некоммерческая организация. Можем ли мы продавать билеты и нужно ли " +
      "для этого менять устав?",
    daysAgo: 40,
    answer: {
      text:
        "Можно, если приносящая доход деятельность предусмотрена уставом и служит целям организации. " +
        "Проверьте формулировку устава; доход отражается в отчётности и облагается по вашей системе налогообложения.",
      afterDays: 1,
      rating: 5,
    },
  },
  {
    asker: "theatre",
    topic: "authorities",
    toMinistry: true,
    title: "Когда объявят конкурс на поддержку проектов в сфере культуры?",
    text:
      "Хотим подать заявку на областной конкурс для проектов в сфере культуры. Когда он объявляется " +
      "и можно ли участвовать организации, зарегистрированной восемь месяцев назад?",
    daysAgo: 25,
    answer: {
      text:
        "Конкурс объявляется в феврале; организация должна быть зарегистрирована не менее шести месяцев " +
        "до подачи заявки, так что вы сможете участвовать. Следите за новостями на сайте министерства.",
      afterDays: 12,
      rating: 5,
    },
  },
  {
    asker: "yolochka",
    topic: "accounting",
    title: "Нужна ли онлайн-касса при приёме пожертвований?",
    text:
      "Принимаем пожертвования наличными на мероприятиях и переводом на счёт. Нужно ли пробивать " +
      "чеки и регистрировать кассу?",
    daysAgo: 12,
    answer: {
      text:
        "Пожертвования не являются расчётом за товары или услуги, поэтому касса и чеки для них не нужны " +
        "(54-ФЗ). Оформляйте приём наличных приходным кассовым ордером и храните договоры пожертвования.",
      afterDays: 1,
      rating: 5,
    },
  },
  {
    asker: "tos",
    topic: "legal",
    title: "Кто подписывает протокол общего собрания ТОС?",
    text:
      "Провели собрание жителей ТОС. Кто должен подписать протокол и нужно ли прикладывать список " +
      "присутствовавших?",
    daysAgo: 9,
    takenOnly: true,
  },
  {
    asker: "member",
    topic: "grants",
    title: "Какие расходы можно включить в бюджет гранта на транспорт?",
    text:
      "Развозим продукты пожилым людям по районам. Можно ли включить в бюджет гранта топливо и аренду " +
      "автомобиля, и как это обосновать?",
    daysAgo: 0.05,
  },
];

interface DemoHandover {
  /** The listing's title in seed.ts. */
  listing: string;
  responder: Who;
  /** The organisation the responder acts for (short name). */
  organisation: string;
  message: string;
  quantity?: number;
  /** Days after the listing's publication: response, acceptance, handover. */
  after: [respond: number, accept: number, fulfil: number];
}

const handovers: DemoHandover[] = [
  {
    listing: "Юридические консультации для НКО онлайн",
    responder: "tos",
    organisation: "Ассоциация ТОС",
    message: "Нужна консультация по уставу для трёх сельских ТОС, удобно во второй половине дня.",
    after: [10, 11, 20],
  },
  {
    listing: "Команда волонтёров для экологических и социальных акций",
    responder: "member",
    organisation: "АНО «Добрые соседи»",
    message: "Просим 8 волонтёров на весеннюю акцию «Продукты к дому» в Калуге.",
    quantity: 8,
    after: [30, 31, 45],
  },
  {
    listing: "Печать буклетов и афиш для социальных проектов",
    responder: "theatre",
    organisation: "Театр «Светлячок»",
    message: "Просим напечатать 300 афиш и программок к премьере детского спектакля.",
    quantity: 300,
    after: [20, 22, 35],
  },
  {
    listing: "Эфир для социальной рекламы и анонсов НКО",
    responder: "yolochka",
    organisation: "КРОО «Ёлочка»",
    message: "Хотим рассказать в утреннем шоу о бесплатных занятиях для детей с особенностями развития.",
    after: [12, 14, 28],
  },
  {
    listing: "Конференц-зал на 60 мест для мероприятий НКО",
    responder: "tos",
    organisation: "Ассоциация ТОС",
    message: "Проводим районный форум ТОС: нужен зал на 40 человек на одну субботу с проектором.",
    quantity: 40,
    after: [100, 101, 105],
  },
];

/**
 * The programme around today: each kind of event, in Kaluga, Obninsk and the districts and
 * online, some held already, with the demo people registered (`days` from today: negative is past).
 */
const events: (Omit<
  CreateEvent,
  "startsAt" | "endsAt" | "speakers" | "spheres" | "questions" | "approvalRequired" | "speakerAccountIds"
> & {
  /** Speakers chosen from the portal's experts. */
  portalSpeakers?: Who[];
  days: number;
  hour: number;
  hours: number;
  speakers?: string[];
  registrants: Who[];
  /** How a past event went; a past one without it waits for its organiser to record it. */
  outcome?: { record: Omit<EventOutcome, "version">; feedback: GiveFeedback };
})[] = [
  {
    kind: "webinar",
    format: "online",
    title: "Заявка в Фонд президентских грантов: от идеи до бюджета",
    description:
      "Эксперт-победитель конкурсов Фонда разбирает структуру заявки, логику проекта и бюджет, отвечает на вопросы участников.",
    onlineUrl: "https://meet.example.org/pfg-webinar",
    topic: "grants",
    capacityOnline: 100,
    days: 6,
    hour: 15,
    hours: 2,
    speakers: ["Ирина Грантова, эксперт конкурсов Фонда президентских грантов"],
    portalSpeakers: ["expert"],
    registrants: ["member", "yolochka", "theatre"],
  },
  {
    kind: "meeting",
    format: "in_person",
    title: "Встреча НКО Обнинска с представителями бизнеса",
    description:
      "Знакомство некоммерческих организаций Обнинска с предприятиями города: короткие презентации проектов и разговор о партнёрстве.",
    municipality: "obninsk",
    address: "пр. Ленина, 129, конференц-зал",
    capacityInPerson: 40,
    days: 13,
    hour: 17,
    hours: 2,
    registrants: ["member", "tos"],
  },
  {
    kind: "consultation_day",
    format: "hybrid",
    title: "День юридических консультаций для НКО",
    description:
      "Юристы отвечают на вопросы об уставе, договорах с волонтёрами и отчётности в Минюст — очно в Калуге и онлайн.",
    municipality: "kaluga",
    address: "ул. Ленина, 74, каб. 12",
    onlineUrl: "https://meet.example.org/legal-day",
    topic: "legal",
    capacityInPerson: 15,
    capacityOnline: 30,
    days: 20,
    hour: 11,
    hours: 5,
    speakers: ["Михаил Законов, юрист"],
    registrants: ["yolochka"],
  },
  {
    kind: "strategic_session",
    format: "in_person",
    title: "Стратегическая сессия: задачи некоммерческого сектора области на 2027 год",
    description:
      "НКО, органы власти, бизнес и СМИ вместе определяют главные задачи сектора и договариваются, кто за что отвечает.",
    municipality: "kaluga",
    address: "ул. Кирова, 1, Дом правительства",
    topic: "authorities",
    capacityInPerson: 60,
    days: 34,
    hour: 10,
    hours: 6,
    registrants: ["member", "yolochka", "theatre", "tos", "official"],
  },
  {
    kind: "fair",
    format: "in_person",
    title: "Ярмарка социальных проектов",
    description:
      "НКО показывают свои проекты, находят партнёров и спонсоров; бизнес и жители выбирают, кого поддержать деньгами, вещами и делом.",
    municipality: "kaluga",
    address: "Гостиный двор, ул. Ленина, 126",
    days: 48,
    hour: 12,
    hours: 5,
    registrants: ["theatre", "tos"],
  },
  {
    kind: "webinar",
    format: "online",
    title: "Как рассказать о проекте в СМИ и соцсетях",
    description:
      "Журналист и SMM-специалист показывают, как написать новость о проекте, которую возьмут в эфир.",
    onlineUrl: "https://meet.example.org/media-webinar",
    topic: "promotion",
    capacityOnline: 80,
    days: -12,
    hour: 16,
    hours: 2,
    registrants: ["member", "theatre"],
  },
  {
    kind: "meeting",
    format: "in_person",
    title: "Встреча ТОС Малоярославецкого района",
    description:
      "Активисты территориального общественного самоуправления делятся опытом благоустройства дворов.",
    municipality: "maloyaroslavetsky",
    address: "Малоярославец, ул. Кутузова, 3",
    capacityInPerson: 30,
    days: -26,
    hour: 18,
    hours: 2,
    registrants: ["tos"],
    outcome: {
      record: {
        summary:
          "Обсудили, как ТОС получают субсидии на благоустройство: три двора района уже подали заявки. " +
          "Договорились собрать общий список нужного инвентаря и запросить его через Банк ресурсов.",
        materials: [
          {
            kind: "slides",
            title: "Презентация: благоустройство силами ТОС",
            url: "https://example.org/tos-slides.pdf",
          },
        ],
      },
      feedback: { rating: 5, comment: "Очень полезно услышать соседей, будем встречаться чаще." },
    },
  },
  {
    kind: "final_session",
    format: "hybrid",
    title: "Итоговая сессия кластера за полугодие",
    description:
      "Подводим итоги: что сделано в Банке ресурсов и консультациях, какие проекты получили поддержку.",
    municipality: "kaluga",
    address: "ул. Ленина, 74, большой зал",
    onlineUrl: "https://meet.example.org/final-session",
    capacityInPerson: 50,
    days: -40,
    hour: 15,
    hours: 3,
    registrants: ["member", "yolochka", "official"],
    outcome: {
      record: {
        summary:
          "За полугодие через Банк ресурсов передано 14 ресурсов, эксперты ответили на 9 вопросов. " +
          "Решили провести весной ярмарку социальных проектов и вебинары по заявкам в фонды.",
        materials: [
          {
            kind: "recording",
            title: "Запись итоговой сессии",
            url: "https://video.example.org/final-session",
          },
          { kind: "link", title: "Отчёт кластера за полугодие", url: "https://example.org/report-h2.pdf" },
        ],
      },
      feedback: { rating: 4, comment: "Хорошо бы больше времени на вопросы из зала." },
    },
  },
  {
    kind: "other",
    format: "online",
    title: "Открытый разговор: волонтёры в небольших НКО",
    description:
      "Как найти и удержать волонтёров, когда в организации три человека: опыт НКО из районов области.",
    onlineUrl: "https://meet.example.org/volunteers",
    days: 9,
    hour: 19,
    hours: 1,
    registrants: ["yolochka", "theatre"],
  },
];

/** A Moscow clock time `days` from `today` at `hour`, as the form sends it. */
const moscowAt = (today: number, days: number, hour: number) => {
  const date = new Date(today + 3 * 3600_000 + days * DAY).toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, "0")}:00`;
};

/** The coordinator publishes each event a month before it; the demo people register a few days later. */
async function holdEvents(
  actors: Record<Who, Person>,
  coordinator: Person,
  organisations: Map<string, string>,
  today: number,
) {
  for (const { days, hour, hours, speakers, portalSpeakers, registrants, outcome, ...demo } of events) {
    const startsAt = moscowAt(today, days, hour);
    const startMs = Date.parse(`${startsAt}:00+03:00`);
    const published = Math.min(today - DAY, startMs - 30 * DAY);
    const event = await Clock.at(published, () =>
      Changes.create(coordinator, {
        ...demo,
        title: `${demo.title} (демо)`,
        startsAt,
        endsAt: moscowAt(today, days, hour + hours),
        speakers: speakers ?? [],
        spheres: [],
        questions: [],
        approvalRequired: false,
        speakerAccountIds: (portalSpeakers ?? []).map((who) => actors[who].accountId),
      }),
    );
    for (const [index, who] of registrants.entries()) {
      const person = actors[who];
      await Clock.at(published + (index + 1) * DAY, () =>
        Registrations.register(person, event.id, {
          organisationId: organisations.get((people[who] as DemoPerson).represents?.[0] ?? ""),
          attendance: demo.format === "hybrid" ? (index % 2 ? "online" : "in_person") : undefined,
          answers: [],
        }),
      );
    }
    if (outcome) await holdEvent(event.id, startMs, registrants, outcome, actors, coordinator);
  }
}

/**
 * A past event as it went: everyone but the last registrant came (checked in at the door or
 * from the list), the organiser recorded the outcome the next day, and the first attendee
 * rated it two days after.
 */
async function holdEvent(
  id: string,
  startMs: number,
  registrants: Who[],
  outcome: NonNullable<(typeof events)[number]["outcome"]>,
  actors: Record<Who, Person>,
  coordinator: Person,
) {
  const came = registrants.length > 1 ? registrants.slice(0, -1) : registrants;
  for (const who of came) {
    await Clock.at(startMs, () => Organiser.checkIn(coordinator, id, { accountId: actors[who].accountId }));
  }
  const { version } = await Events.findEvent(id);
  await Clock.at(startMs + DAY, () =>
    Outcome.recordOutcome(coordinator, id, { ...outcome.record, version }, new Date(startMs + DAY)),
  );
  await Clock.at(startMs + 2 * DAY, () =>
    Outcome.giveFeedback(actors[came[0]!], id, outcome.feedback, new Date(startMs + 2 * DAY)),
  );
}

export interface DemoHistory {
  questions: number;
  handovers: number;
  digests: number;
  events: number;
  materials: number;
}

/** The demo people, their expert topics and memberships; the coordinator grants the roles as its page does. */
async function createPeople(coordinator: Person, organisations: Map<string, string>, since: number) {
  const { account, accountEmail, membership } = db().entities;
  const actors = {} as Record<Who, Person>;
  for (const [who, person] of Object.entries(people) as [Who, DemoPerson][]) {
    const joined = since + Object.keys(actors).length * 3 * DAY;
    const id = await Clock.at(joined, async () => {
      const id = ulid();
      await account
        .create({
          id,
          email: person.email,
          name: person.name,
          consentVersion: consent.version,
          consentAt: Clock.nowIso(),
        })
        .go();
      await accountEmail.create({ email: person.email, accountId: id }).go();
      for (const shortName of person.represents ?? []) {
        const organisationId = organisations.get(shortName);
        if (!organisationId) throw new Error(`demo person of an unknown organisation: ${shortName}`);
        await membership.create({ organisationId, accountId: id }).go();
      }
      await Account.grantRoles(coordinator, id, {
        roles: person.roles,
        expertTopics: person.expertTopics,
        version: 1,
      });
      return id;
    });
    actors[who] = {
      type: "person",
      accountId: id,
      email: person.email,
      name: person.name,
      roles: person.roles,
    };
  }
  return actors;
}

async function askAndAnswer(actors: Record<Who, Person>, organisations: Map<string, string>, today: number) {
  const ministry = organisations.get("Минполитики (демо)");
  for (const demo of questions) {
    const asker = actors[demo.asker];
    const answerer = demo.toMinistry ? actors.official : actors.expert;
    const askedAt = today - demo.daysAgo * DAY;
    const asked = await Clock.at(askedAt, () =>
      Questions.ask(asker, {
        topic: demo.topic,
        title: `${demo.title} (демо)`,
        text: demo.text,
        links: [],
        visibility: "public",
        organisationId: organisations.get((people[demo.asker] as DemoPerson).represents?.[0] ?? ""),
        showOrganisation: true,
        bodyId: demo.toMinistry ? ministry : undefined,
      }),
    );
    if (!demo.answer && !demo.takenOnly) continue;
    const takenAt = askedAt + (demo.answer ? Math.min(demo.answer.afterDays * DAY, 4 * 3600_000) : 3600_000);
    await Clock.at(takenAt, () => Questions.take(answerer, asked.id, { version: asked.version }));
    const answer = demo.answer;
    if (!answer) continue;
    const answered = await Clock.at(askedAt + answer.afterDays * DAY, () =>
      Questions.answer(answerer, asked.id, { text: answer.text }),
    );
    if (answer.rating === undefined) continue;
    const rating = answer.rating;
    await Clock.at(askedAt + (answer.afterDays + 1) * DAY, () =>
      Questions.solve(asker, asked.id, {
        postId: answered.posts[0]?.id ?? "",
        rating,
        version: answered.question.version,
      }),
    );
  }
}

async function handOver(
  actors: Record<Who, Person>,
  coordinator: Person,
  organisations: Map<string, string>,
  listings: { id: string; title: string; publishedAt?: string }[],
) {
  for (const demo of handovers) {
    const listing = listings.find((item) => item.title === demo.listing);
    if (!listing?.publishedAt) throw new Error(`demo handover of an unknown listing: ${demo.listing}`);
    const published = Date.parse(listing.publishedAt);
    const [respondDay, acceptDay, fulfilDay] = demo.after;
    const response = await Clock.at(published + respondDay * DAY, () =>
      Responses.respond(actors[demo.responder], {
        listingId: listing.id,
        organisationId: organisations.get(demo.organisation),
        message: demo.message,
        quantity: demo.quantity,
      }),
    );
    const accepted = await Clock.at(published + acceptDay * DAY, () =>
      Responses.accept(coordinator, response.id, { version: response.version }),
    );
    await Clock.at(published + fulfilDay * DAY, () =>
      Responses.fulfil(coordinator, response.id, { version: accepted.version }),
    );
  }
}

/**
 * The demo people subscribe from their accounts ten weeks ago; the digest job then runs at each
 * weekly slot since, as the hourly job would have.
 */
async function sendDigests(actors: Record<Who, Person>, today: number) {
  const weeks = 10;
  const start = today - weeks * 7 * DAY;
  for (const who of ["member", "yolochka", "theatre", "expert"] as Who[]) {
    await Clock.at(start, () =>
      Subscriptions.updateMine(actors[who], {
        frequency: "weekly",
        weekday: 1,
        hour: 9,
        topics: ["resources", "consultations", "members"],
        categories: [],
        consultationTopics: [],
        municipalities: [],
        version: 1,
      }),
    );
  }
  let sent = 0;
  for (let hour = start + 3600_000; hour < today; hour += 3600_000) {
    // Monday 09:00 in Moscow (UTC+3) is 06:00 UTC.
    const instant = new Date(hour);
    if (instant.getUTCDay() !== 1 || instant.getUTCHours() !== 6) continue;
    const run = await Clock.at(hour + 60_000, () => Digest.sendDueDigests({ rate: 1000 }));
    sent += run.sent;
  }
  return sent;
}

export async function seedHistory({
  coordinator,
  organisations,
  listings,
  today = Clock.nowMs(),
}: {
  coordinator: Person;
  organisations: Map<string, string>;
  listings: { id: string; title: string; publishedAt?: string }[];
  today?: number;
}): Promise<DemoHistory> {
  const actors = await createPeople(coordinator, organisations, today - 360 * DAY);
  await askAndAnswer(actors, organisations, today);
  await handOver(actors, coordinator, organisations, listings);
  const digests = await sendDigests(actors, today);
  await holdEvents(actors, coordinator, organisations, today);
  const materials = await publishLibrary(actors.expert, today);
  return {
    questions: questions.length,
    handovers: handovers.length,
    digests,
    events: events.length,
    materials,
  };
}
