import { config } from "@cluster/core/config";
import { db } from "@cluster/core/db/service";
import { completeInn, completeOgrn, searchKey } from "@cluster/core/identifiers";
import { consent, type MunicipalityId, type OrganisationKind, type SphereId } from "@cluster/core/reference";
import { ulid } from "ulid";

export const DEMO_COORDINATOR = "koordinator@nko-kaluga.example";

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
 * Fills an empty table with the demo region and one coordinator, so a fresh `npm start`
 * shows a living portal. Does nothing once any approved organisation exists.
 */
export async function seedDemo(): Promise<{ seeded: boolean; coordinator: string }> {
  const coordinator = config().coordinatorEmails[0] ?? DEMO_COORDINATOR;
  const { organisation, innClaim, account, accountEmail } = db().entities;
  const { data: existing } = await organisation.query.directory({ status: "approved" }).go({ limit: 1 });
  if (existing.length) return { seeded: false, coordinator };

  const now = new Date().toISOString();
  const organisations = demoOrganisations.map(
    ([kind, name, shortName, municipality, spheres, about], index) => ({
      id: ulid(),
      kind,
      name,
      shortName: shortName || undefined,
      sortName: searchKey(name),
      searchText: searchKey(`${name} ${shortName}`),
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
      approvedAt: now,
    }),
  );
  await organisation.put(organisations).go();
  await innClaim.put(organisations.flatMap(({ id, inn }) => (inn ? [{ inn, organisationId: id }] : []))).go();

  const { data: known } = await accountEmail.get({ email: coordinator }).go();
  if (!known) {
    const id = ulid();
    await account
      .create({
        id,
        email: coordinator,
        name: "Координатор кластера (демо)",
        roles: ["coordinator"],
        consentVersion: consent.version,
        consentAt: now,
      })
      .go();
    await accountEmail.create({ email: coordinator, accountId: id }).go();
  }
  return { seeded: true, coordinator };
}
