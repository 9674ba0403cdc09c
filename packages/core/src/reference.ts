/**
 * Domain reference data of the Kaluga region (see shared/REFERENCE.md).
 * Kept as data so that a new municipality or sphere is one line here, not a code path.
 */

export const municipalities = [
  { id: "kaluga", name: "Калуга", type: "urban" },
  { id: "obninsk", name: "Обнинск", type: "urban" },
  { id: "babyninsky", name: "Бабынинский район", type: "district" },
  { id: "baryatinsky", name: "Барятинский район", type: "district" },
  { id: "borovsky", name: "Боровский район", type: "district" },
  { id: "dzerzhinsky", name: "Дзержинский район", type: "district" },
  { id: "duminichsky", name: "Думиничский район", type: "district" },
  { id: "zhizdrinsky", name: "Жиздринский район", type: "district" },
  { id: "zhukovsky", name: "Жуковский район", type: "district" },
  { id: "iznoskovsky", name: "Износковский район", type: "district" },
  { id: "kirovsky", name: "Кировский район", type: "district" },
  { id: "kozelsky", name: "Козельский район", type: "district" },
  { id: "kuibyshevsky", name: "Куйбышевский район", type: "district" },
  { id: "lyudinovsky", name: "Людиновский район", type: "district" },
  { id: "maloyaroslavetsky", name: "Малоярославецкий район", type: "district" },
  { id: "medynsky", name: "Медынский район", type: "district" },
  { id: "meshchovsky", name: "Мещовский район", type: "district" },
  { id: "mosalsky", name: "Мосальский район", type: "district" },
  { id: "peremyshlsky", name: "Перемышльский район", type: "district" },
  { id: "spas-demensky", name: "Спас-Деменский район", type: "district" },
  { id: "sukhinichsky", name: "Сухиничский район", type: "district" },
  { id: "tarussky", name: "Тарусский район", type: "district" },
  { id: "ulyanovsky", name: "Ульяновский район", type: "district" },
  { id: "ferzikovsky", name: "Ферзиковский район", type: "district" },
  { id: "khvastovichsky", name: "Хвастовичский район", type: "district" },
  { id: "yukhnovsky", name: "Юхновский район", type: "district" },
] as const;

export type MunicipalityId = (typeof municipalities)[number]["id"];
export const municipalityIds = municipalities.map((m) => m.id) as [MunicipalityId, ...MunicipalityId[]];

export const spheres = [
  { id: "social-services", name: "Социальное обслуживание, социальная поддержка и защита граждан" },
  { id: "health", name: "Охрана здоровья, здоровый образ жизни" },
  { id: "family", name: "Поддержка семьи, материнства, отцовства и детства" },
  { id: "youth", name: "Молодёжные проекты" },
  { id: "education", name: "Наука, образование, просвещение" },
  { id: "culture", name: "Культура и искусство" },
  { id: "young-talents", name: "Выявление и поддержка молодых талантов в культуре и искусстве" },
  { id: "historical-memory", name: "Сохранение исторической памяти" },
  { id: "human-rights", name: "Защита прав и свобод человека, правовая помощь" },
  { id: "environment", name: "Охрана окружающей среды и защита животных" },
  { id: "interethnic", name: "Межнациональное и межрелигиозное согласие" },
  { id: "public-diplomacy", name: "Общественная дипломатия и поддержка соотечественников" },
  { id: "civil-society", name: "Развитие институтов гражданского общества" },
  { id: "sport", name: "Спорт" },
  { id: "volunteering", name: "Добровольчество" },
  { id: "professional", name: "Профессиональные объединения" },
  { id: "religious", name: "Религиозные организации" },
  { id: "tos", name: "Территориальное общественное самоуправление (ТОС)" },
] as const;

export type SphereId = (typeof spheres)[number]["id"];
export const sphereIds = spheres.map((s) => s.id) as [SphereId, ...SphereId[]];

export const organisationKinds = [
  { id: "ngo", name: "НКО", plural: "НКО" },
  { id: "business", name: "Бизнес", plural: "Бизнес" },
  { id: "authority", name: "Орган власти", plural: "Органы власти" },
  { id: "media", name: "СМИ", plural: "СМИ" },
  { id: "expert", name: "Эксперт / частное лицо", plural: "Эксперты и частные лица" },
] as const;

export type OrganisationKind = (typeof organisationKinds)[number]["id"];
export const organisationKindIds = organisationKinds.map((k) => k.id) as [
  OrganisationKind,
  ...OrganisationKind[],
];

/** Resource Bank categories (REFERENCE.md); `hasQuantity` says whether "how many" makes sense. */
export const resourceCategories = [
  { id: "premises", name: "Помещения", hasQuantity: true, unit: "мест" },
  { id: "equipment", name: "Оборудование и техника", hasQuantity: true, unit: "шт." },
  { id: "transport", name: "Транспорт", hasQuantity: true, unit: "мест" },
  { id: "services", name: "Специалисты и услуги", hasQuantity: false, unit: "" },
  { id: "materials", name: "Материалы и расходники", hasQuantity: true, unit: "шт." },
  { id: "volunteers", name: "Волонтёры", hasQuantity: true, unit: "чел." },
  { id: "media", name: "Информационная поддержка", hasQuantity: false, unit: "" },
  { id: "funding", name: "Финансирование и софинансирование", hasQuantity: false, unit: "" },
] as const;

export type ResourceCategory = (typeof resourceCategories)[number]["id"];
export const resourceCategoryIds = resourceCategories.map((c) => c.id) as [
  ResourceCategory,
  ...ResourceCategory[],
];

/** Where a resource is: a municipality, the whole region, or online. */
export const wholeRegion = { id: "region", name: "Вся область" } as const;
export const online = { id: "online", name: "Онлайн" } as const;
export const placeIds = [...municipalityIds, wholeRegion.id, online.id] as [
  MunicipalityId | "region" | "online",
  ...(MunicipalityId | "region" | "online")[],
];

/** Consultation topics; an expert's first answer is due within `businessDays` working days. */
export const consultationTopics = [
  { id: "legal", name: "Юридические вопросы", businessDays: 2 },
  { id: "accounting", name: "Бухгалтерия и отчётность", businessDays: 2 },
  { id: "grants", name: "Подготовка грантовых заявок", businessDays: 2 },
  { id: "projects", name: "Управление проектами", businessDays: 2 },
  { id: "promotion", name: "Продвижение и СМИ", businessDays: 2 },
  { id: "authorities", name: "Взаимодействие с органами власти", businessDays: 2 },
  { id: "registration", name: "Регистрация и документы НКО", businessDays: 2 },
] as const;

export type ConsultationTopic = (typeof consultationTopics)[number]["id"];
export const consultationTopicIds = consultationTopics.map((t) => t.id) as [
  ConsultationTopic,
  ...ConsultationTopic[],
];

/** The programme's kinds of event (the founding document's meetings, sessions and the fair). */
export const eventKinds = [
  { id: "meeting", name: "Встреча" },
  { id: "webinar", name: "Вебинар" },
  { id: "consultation_day", name: "Консультационный день" },
  { id: "strategic_session", name: "Стратегическая сессия" },
  { id: "final_session", name: "Итоговая сессия" },
  { id: "fair", name: "Ярмарка социальных проектов" },
  { id: "other", name: "Другое" },
] as const;
export type EventKind = (typeof eventKinds)[number]["id"];
export const eventKindIds = eventKinds.map((k) => k.id) as [EventKind, ...EventKind[]];

export const eventFormats = [
  { id: "in_person", name: "Очно" },
  { id: "online", name: "Онлайн" },
  { id: "hybrid", name: "Очно и онлайн" },
] as const;
export type EventFormat = (typeof eventFormats)[number]["id"];
export const eventFormatIds = eventFormats.map((f) => f.id) as [EventFormat, ...EventFormat[]];

/** 59-FZ art. 12: a written appeal to a state or municipal body is answered within 30 days. */
export const AUTHORITY_ANSWER_DAYS = 30;

export const roles = [
  { id: "member", name: "Представитель организации" },
  { id: "expert", name: "Эксперт" },
  { id: "official", name: "Представитель органа власти" },
  { id: "coordinator", name: "Координатор" },
] as const;

export type Role = (typeof roles)[number]["id"];
export const roleIds = roles.map((r) => r.id) as [Role, ...Role[]];

const byId = <T extends { id: string; name: string }>(list: readonly T[]) =>
  Object.fromEntries(list.map((item) => [item.id, item.name])) as Record<T["id"], string>;

export const municipalityName = byId(municipalities);
export const sphereName = byId(spheres);
export const organisationKindName = byId(organisationKinds);
export const roleName = byId(roles);
export const resourceCategoryName = byId(resourceCategories);
export const placeName = byId([...municipalities, wholeRegion, online]);
export const consultationTopicName = byId(consultationTopics);
export const eventKindName = byId(eventKinds);
export const eventFormatName = byId(eventFormats);

/** The text a person agrees to at sign-up; bump the version whenever the text changes. */
export const consent = {
  version: "2026-11-01",
  text:
    "Я даю согласие Кластеру НКО Калужской области на обработку моих персональных данных " +
    "(имя, адрес электронной почты, телефон, сведения об организации) в целях участия в работе " +
    "кластера в соответствии с Федеральным законом № 152-ФЗ «О персональных данных». " +
    "Согласие действует до его отзыва; отозвать его можно, удалив учётную запись.",
} as const;
