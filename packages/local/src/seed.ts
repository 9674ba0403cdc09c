import { config } from "@cluster/core/config";
import { db } from "@cluster/core/db/service";
import { completeInn, completeOgrn, searchKey } from "@cluster/core/identifiers";
import * as Member from "@cluster/core/member/index";
import {
  consent,
  type MunicipalityId,
  type OrganisationKind,
  type ResourceCategory,
  type SphereId,
} from "@cluster/core/reference";
import { OPEN_ENDED } from "@cluster/core/resource/entity";
import { catalogueRowsOf, type ListingItem, reindexSearch } from "@cluster/core/resource/listings";
import type { Listing } from "@cluster/core/resource/schema";
import * as Clock from "@cluster/core/shared/clock";
import { moscowToday } from "@cluster/core/shared/dates";
import { ulid } from "@cluster/core/shared/ulid";
import { DEMO_PEOPLE, type DemoHistory, seedHistory } from "./demo-history";

export const DEMO_COORDINATOR = "koordinator@nko-kaluga.example";

const DAY = 86_400_000;

type Demo = [
  kind: OrganisationKind,
  name: string,
  shortName: string,
  municipality: MunicipalityId,
  spheres: SphereId[],
  about: string,
];

/** Invented organisations, flagged `demo` and labelled so in the UI: none of them is real. */
const demoOrganisations: Demo[] = [
  [
    "ngo",
    "Автономная некоммерческая организация «Добрые соседи»",
    "АНО «Добрые соседи»",
    "kaluga",
    ["social-services", "volunteering"],
    "помогаем одиноким пожилым людям: продукты, лекарства, общение",
  ],
  [
    "ngo",
    "Калужская региональная общественная организация «Ёлочка»",
    "КРОО «Ёлочка»",
    "kaluga",
    ["family", "education"],
    "развивающие занятия для детей с особенностями развития и поддержка их родителей",
  ],
  [
    "ngo",
    "Фонд поддержки семьи «Тёплый дом»",
    "Фонд «Тёплый дом»",
    "obninsk",
    ["family", "social-services"],
    "кризисная помощь семьям с детьми",
  ],
  [
    "ngo",
    "Обнинское общество защиты животных «Лапа»",
    "ООЗЖ «Лапа»",
    "obninsk",
    ["environment"],
    "приют и стерилизация бездомных животных",
  ],
  [
    "ngo",
    "Молодёжный центр «Импульс»",
    "МЦ «Импульс»",
    "lyudinovsky",
    ["youth", "sport"],
    "спортивные и образовательные проекты для подростков",
  ],
  [
    "ngo",
    "Историко-краеведческое общество «Медынская старина»",
    "ИКО «Медынская старина»",
    "medynsky",
    ["historical-memory", "culture"],
    "сохраняем историю уезда, ведём экспедиции и музей",
  ],
  [
    "ngo",
    "Ассоциация ТОС Малоярославецкого района",
    "Ассоциация ТОС",
    "maloyaroslavetsky",
    ["tos", "civil-society"],
    "объединяем активных жителей сёл и посёлков района",
  ],
  [
    "ngo",
    "Центр правовой помощи «Право для всех»",
    "ЦПП «Право для всех»",
    "kaluga",
    ["human-rights"],
    "бесплатные юридические консультации для граждан и НКО",
  ],
  [
    "ngo",
    "Экологическое движение «Чистая Ока»",
    "ЭД «Чистая Ока»",
    "tarussky",
    ["environment", "volunteering"],
    "уборка берегов Оки и экологическое просвещение",
  ],
  [
    "ngo",
    "Козельская районная организация ветеранов",
    "Совет ветеранов",
    "kozelsky",
    ["historical-memory", "social-services"],
    "поддержка ветеранов и патриотическое воспитание",
  ],
  [
    "ngo",
    "Детский театр-студия «Светлячок»",
    "Театр «Светлячок»",
    "borovsky",
    ["culture", "young-talents"],
    "театральная студия для детей из малообеспеченных семей",
  ],
  [
    "ngo",
    "Сухиничское общество инвалидов",
    "СОИ",
    "sukhinichsky",
    ["social-services", "health"],
    "реабилитация и досуг людей с инвалидностью",
  ],
  [
    "ngo",
    "Жуковский центр добровольчества «Вместе»",
    "ЦД «Вместе»",
    "zhukovsky",
    ["volunteering", "youth"],
    "обучаем и координируем волонтёров района",
  ],
  [
    "ngo",
    "Кировская спортивная федерация лыжных гонок",
    "Федерация лыжных гонок",
    "kirovsky",
    ["sport", "health"],
    "секции и соревнования для детей и взрослых",
  ],
  [
    "ngo",
    "Национально-культурная автономия «Дружба народов»",
    "НКА «Дружба народов»",
    "kaluga",
    ["interethnic", "culture"],
    "праздники и курсы языка для жителей разных национальностей",
  ],
  [
    "ngo",
    "Ферзиковский женский совет",
    "Женсовет",
    "ferzikovsky",
    ["family", "civil-society"],
    "поддержка многодетных семей и женских инициатив",
  ],
  [
    "business",
    "ООО «Калужская типография»",
    "Калужская типография",
    "kaluga",
    ["culture", "education"],
    "печатаем буклеты и афиши для НКО со скидкой",
  ],
  [
    "business",
    "ООО «Строймонтаж-40»",
    "Строймонтаж-40",
    "dzerzhinsky",
    ["social-services"],
    "помогаем материалами и техникой при ремонте социальных объектов",
  ],
  [
    "business",
    "ИП Смирнова Анна Петровна, кофейня «Уют»",
    "Кофейня «Уют»",
    "obninsk",
    ["youth", "culture"],
    "предоставляем зал для встреч и мероприятий",
  ],
  [
    "business",
    "АО «Обнинский приборный завод»",
    "ОПЗ",
    "obninsk",
    ["education", "young-talents"],
    "шефство над кружками технического творчества",
  ],
  [
    "authority",
    "Министерство внутренней политики Калужской области (демо)",
    "Минполитики (демо)",
    "kaluga",
    ["civil-society"],
    "взаимодействие с НКО и поддержка гражданских инициатив",
  ],
  [
    "authority",
    "Администрация Людиновского района (демо)",
    "Администрация района (демо)",
    "lyudinovsky",
    ["civil-society"],
    "муниципальная поддержка социально ориентированных НКО",
  ],
  [
    "authority",
    "Отдел молодёжной политики г. Обнинска (демо)",
    "ОМП Обнинска (демо)",
    "obninsk",
    ["youth"],
    "молодёжные программы и гранты города",
  ],
  [
    "media",
    "Газета «Калужский вестник» (демо)",
    "«Калужский вестник»",
    "kaluga",
    ["civil-society", "culture"],
    "рассказываем о проектах НКО региона",
  ],
  [
    "media",
    "Радио «Ока FM» (демо)",
    "«Ока FM»",
    "kaluga",
    ["culture", "youth"],
    "социальная реклама и эфиры для НКО",
  ],
  [
    "media",
    "Портал «Новости Боровска» (демо)",
    "«Новости Боровска»",
    "borovsky",
    ["civil-society"],
    "местные новости и анонсы событий",
  ],
  [
    "expert",
    "Иванова Мария Сергеевна, юрист НКО",
    "",
    "kaluga",
    ["human-rights", "civil-society"],
    "консультирую по регистрации и отчётности НКО",
  ],
  [
    "expert",
    "Петров Алексей Игоревич, грантовый консультант",
    "",
    "obninsk",
    ["education", "civil-society"],
    "помогаю готовить заявки в Фонд президентских грантов",
  ],
  [
    "expert",
    "Соколова Ольга Викторовна, бухгалтер",
    "",
    "maloyaroslavetsky",
    ["professional"],
    "бухгалтерия и налоговая отчётность некоммерческих организаций",
  ],
  [
    "expert",
    "Кузнецов Дмитрий Олегович, PR-специалист",
    "",
    "kaluga",
    ["culture", "civil-society"],
    "продвижение проектов в соцсетях и СМИ",
  ],
];

interface DemoListing {
  /** The demo organisation's short name (or name, when it has none). */
  owner: string;
  kind: "offer" | "request";
  category: ResourceCategory;
  place: Listing["place"];
  title: string;
  description: string;
  quantity?: number;
  /** The window runs from the seeding day for this many days; absent: until withdrawn. */
  days?: number;
  conditions?: "free" | "cofinancing";
  estimatedValue?: number;
  /**
   * Published this many days before seeding, spread over the demo year: at least three, so the
   * matching job (48 h) leaves them be.
   */
  age: number;
}

/**
 * Invented Resource Bank listings of the demo organisations, published and in the catalogue.
 * Pairs that fit each other (same category, places that meet, enough left) fill the listing
 * page's «Подходящие» section: the halls in Obninsk, the computers, the lawyer, the volunteers.
 */
const demoListings: DemoListing[] = [
  {
    owner: "Кофейня «Уют»",
    kind: "offer",
    category: "premises",
    place: "obninsk",
    title: "Зал кофейни для встреч и мастер-классов",
    description:
      "Зал на 30 мест с проектором и флипчартом. По будням до 17:00 бесплатно для НКО, вечером и в " +
      "выходные — по договорённости. Чай и кофе участникам — за наш счёт.",
    quantity: 30,
    estimatedValue: 5_000,
    age: 45,
  },
  {
    owner: "Фонд «Тёплый дом»",
    kind: "request",
    category: "premises",
    place: "obninsk",
    title: "Помещение для встреч группы поддержки родителей",
    description:
      "Ищем зал или просторную комнату на 20 человек для еженедельных встреч группы поддержки " +
      "родителей, по вторникам вечером. Нужны стулья и возможность поставить чайник.",
    quantity: 20,
    days: 120,
    age: 4,
  },
  {
    owner: "Минполитики (демо)",
    kind: "offer",
    category: "premises",
    place: "kaluga",
    title: "Конференц-зал на 60 мест для мероприятий НКО",
    description:
      "Конференц-зал с проектором, микрофонами и трансляцией для форумов, обучающих семинаров и " +
      "пресс-конференций некоммерческих организаций. Запись за две недели.",
    quantity: 60,
    days: 180,
    estimatedValue: 15_000,
    age: 120,
  },
  {
    owner: "ОПЗ",
    kind: "offer",
    category: "equipment",
    place: "region",
    title: "Компьютеры и мониторы после замены техники",
    description:
      "Передадим 12 системных блоков с мониторами после обновления парка: всё исправно, диски " +
      "очищены, установлена свободная ОС. Заберёте сами или привезём в пределах области.",
    quantity: 12,
    days: 90,
    estimatedValue: 120_000,
    age: 9,
  },
  {
    owner: "СОИ",
    kind: "request",
    category: "equipment",
    place: "sukhinichsky",
    title: "Компьютеры для компьютерного класса",
    description:
      "Открываем компьютерный класс для людей с инвалидностью: учим пользоваться Госуслугами, " +
      "видеосвязью и онлайн-банком. Нужно 5 компьютеров с мониторами, можно не новых.",
    quantity: 5,
    days: 150,
    age: 3,
  },
  {
    owner: "ОМП Обнинска (демо)",
    kind: "offer",
    category: "transport",
    place: "obninsk",
    title: "Микроавтобус на 18 мест для молодёжных поездок",
    description:
      "Микроавтобус с водителем для поездок молодёжных команд на форумы, соревнования и экскурсии. " +
      "Машина и водитель — от нас, бензин — за счёт организации.",
    quantity: 18,
    days: 60,
    conditions: "cofinancing",
    age: 200,
  },
  {
    owner: "ЦПП «Право для всех»",
    kind: "offer",
    category: "services",
    place: "online",
    title: "Юридические консультации для НКО онлайн",
    description:
      "Юристы центра бесплатно консультируют некоммерческие организации по видеосвязи: устав, " +
      "изменения в ЕГРЮЛ, договоры, трудовые вопросы, отчётность в Минюст.",
    age: 330,
  },
  {
    owner: "Ассоциация ТОС",
    kind: "request",
    category: "services",
    place: "maloyaroslavetsky",
    title: "Юрист для помощи с уставом ТОС",
    description:
      "Три сельских ТОС района хотят зарегистрироваться как юридические лица. Нужна консультация " +
      "юриста по уставу и документам для регистрации.",
    days: 90,
    age: 6,
  },
  {
    owner: "Калужская типография",
    kind: "offer",
    category: "materials",
    place: "kaluga",
    title: "Печать буклетов и афиш для социальных проектов",
    description:
      "Напечатаем до 1000 буклетов формата А5 или сто афиш А3 для социальных проектов. Бумага и " +
      "печать — за наш счёт, макет — ваш.",
    quantity: 1000,
    days: 120,
    estimatedValue: 25_000,
    age: 260,
  },
  {
    owner: "ЭД «Чистая Ока»",
    kind: "request",
    category: "volunteers",
    place: "tarussky",
    title: "Волонтёры на уборку берега Оки в Тарусе",
    description:
      "Субботник на берегу Оки: нужны 15 человек старше 14 лет. Перчатки, мешки, обед и трансфер " +
      "от автостанции Тарусы обеспечим.",
    quantity: 15,
    days: 75,
    age: 5,
  },
  {
    owner: "ЦД «Вместе»",
    kind: "offer",
    category: "volunteers",
    place: "region",
    title: "Команда волонтёров для экологических и социальных акций",
    description:
      "Обученные волонтёры центра помогут на субботниках, праздниках и акциях по всей области: до " +
      "20 человек с координатором. Сообщите дату за две недели.",
    quantity: 20,
    age: 300,
  },
  {
    owner: "«Ока FM»",
    kind: "offer",
    category: "media",
    place: "region",
    title: "Эфир для социальной рекламы и анонсов НКО",
    description:
      "Бесплатно выпустим в эфир ролик социальной рекламы до 30 секунд или пригласим представителя " +
      "организации в утреннее шоу. Слышно по всей Калужской области.",
    estimatedValue: 40_000,
    age: 150,
  },
  {
    owner: "Совет ветеранов",
    kind: "request",
    category: "funding",
    place: "kozelsky",
    title: "Софинансирование издания книги воспоминаний ветеранов",
    description:
      "Собрали воспоминания сорока ветеранов Козельского района. Ищем партнёра, готового оплатить " +
      "половину тиража в 500 экземпляров; вторую половину покрывает грант.",
    days: 180,
    conditions: "cofinancing",
    estimatedValue: 150_000,
    age: 90,
  },
];

/** The demo listings as published items, posted by `accountId` for their organisations. */
function demoListingItems(
  organisations: { id: string; name: string; shortName?: string }[],
  accountId: string,
  now = Clock.nowMs(),
): ListingItem[] {
  return demoListings.map((demo) => {
    const organisation = organisations.find((o) => (o.shortName ?? o.name) === demo.owner);
    if (!organisation) throw new Error(`demo listing of an unknown organisation: ${demo.owner}`);
    const published = now - demo.age * DAY;
    const description = `${demo.description} (демо)`;
    const availableTo = demo.days === undefined ? undefined : moscowToday(new Date(now + demo.days * DAY));
    return {
      id: ulid(published),
      kind: demo.kind,
      category: demo.category,
      title: demo.title,
      description,
      searchText: searchKey(`${demo.title} ${description}`),
      place: demo.place,
      quantity: demo.quantity,
      remaining: demo.quantity,
      availableFrom: moscowToday(new Date(published)),
      availableTo,
      closesOn: availableTo ?? OPEN_ENDED,
      conditions: demo.conditions ?? "free",
      estimatedValue: demo.estimatedValue,
      status: "published",
      ownerKey: `org#${organisation.id}`,
      ownerName: demo.owner,
      organisationId: organisation.id,
      accountId,
      publishedAt: new Date(published).toISOString(),
      createdAt: new Date(published - 3_600_000).toISOString(),
      updatedAt: new Date(published).toISOString(),
      version: 2,
    };
  });
}

/** Registration numbers with valid check digits, in Kaluga's INN range (40..), unique per index. */
function registration(kind: OrganisationKind, index: number) {
  const serial = String(index + 1).padStart(7, "0");
  if (kind === "expert") return {};
  if (kind === "business" && index % 2 === 0) {
    // A sole proprietor: a personal 12-digit INN and a 15-digit OGRNIP.
    return { inn: completeInn(`40${serial}0`.padEnd(10, "1")), ogrn: completeOgrn(`3044027${serial}`) };
  }
  return { inn: completeInn(`40${serial}`), ogrn: completeOgrn(`10240${serial}`) };
}

/**
 * Fills an empty table with the demo region: the organisations joining over the past year, one
 * coordinator, the demo Resource Bank listings (posted by the coordinator's account), and a year
 * of history through the real verbs (demo-history.ts), so a fresh `npm start` shows a living
 * portal whose dashboard has figures in every month. Does nothing once any approved organisation exists.
 */
export async function seedDemo(): Promise<{
  coordinator: string;
  people: typeof DEMO_PEOPLE;
  /** What was written now; absent when the table had its demo data already. */
  history?: DemoHistory;
}> {
  const coordinator = config().coordinatorEmails[0] ?? DEMO_COORDINATOR;
  const { organisation, innClaim, account, accountEmail, listing, catalogueEntry } = db().entities;
  const { data: existing } = await organisation.query.directory({ status: "approved" }).go({ limit: 1 });
  if (existing.length) return { coordinator, people: DEMO_PEOPLE };

  const today = Clock.nowMs();
  const yearAgo = today - 365 * DAY;
  const organisations = demoOrganisations.map(
    ([kind, name, shortName, municipality, spheres, about], index) => {
      // The first eight founded the cluster a year ago; the rest joined every 16 days since, the
      // last ten days ago, so every month of the dashboard's year has new members.
      const approvedAt =
        index < 8 ? yearAgo + index * DAY : yearAgo + Math.round(((index - 7) * 355 * DAY) / 22);
      return {
        id: ulid(approvedAt - 2 * DAY),
        kind,
        name,
        shortName: shortName || undefined,
        sortName: searchKey(name),
        ...registration(kind, index),
        spheres,
        municipality,
        description: `Демонстрационная запись, не настоящая организация. Чем занимаемся: ${about}.`,
        contacts: {
          email: { value: `info${index + 1}@nko-kaluga.example`, public: true },
          phone: { value: `+7484${String(2000000 + index * 7919).slice(0, 7)}`, public: index % 3 !== 0 },
        },
        status: "approved" as const,
        demo: true,
        createdAt: new Date(approvedAt - 2 * DAY).toISOString(),
        approvedAt: new Date(approvedAt).toISOString(),
      };
    },
  );
  await organisation.put(organisations).go();
  await innClaim.put(organisations.flatMap(({ id, inn }) => (inn ? [{ inn, organisationId: id }] : []))).go();

  const { data: known } = await accountEmail.get({ email: coordinator }).go();
  let coordinatorId = known?.accountId;
  if (!coordinatorId) {
    const id = ulid(yearAgo - DAY);
    coordinatorId = id;
    await account
      .create({
        id,
        email: coordinator,
        name: "Координатор кластера (демо)",
        roles: ["coordinator"],
        consentVersion: consent.version,
        consentAt: new Date(yearAgo - DAY).toISOString(),
      })
      .go();
    await accountEmail.create({ email: coordinator, accountId: id }).go();
  }

  // Published as publishing does it: the listing and its eight catalogue rows.
  const listings = demoListingItems(organisations, coordinatorId, today);
  await listing.put(listings).go();
  await catalogueEntry.put(listings.flatMap(catalogueRowsOf)).go();
  // Written in bulk above, so indexed as the migration indexes existing data.
  await Member.reindexSearch();
  await reindexSearch();

  const history = await seedHistory({
    coordinator: {
      type: "person",
      accountId: coordinatorId,
      email: coordinator,
      name: "Координатор кластера (демо)",
      roles: ["coordinator"],
    },
    organisations: new Map(organisations.map((item) => [item.shortName ?? item.name, item.id])),
    listings,
    today,
  });
  return { coordinator, people: DEMO_PEOPLE, history };
}
