import { config } from "../config";
import { escapeHtml } from "./index";

/**
 * Russian texts of transactional mail. Plain text: it reads well on any phone and client; the
 * confirmation of a seat adds HTML, for the ticket's QR code.
 */

const signature = "\n\n—\nКластер НКО Калужской области";

export const loginCode = (to: string, code: string) => ({
  to,
  subject: `Код для входа: ${code}`,
  text:
    `Ваш код для входа на портал Кластера НКО Калужской области: ${code}\n\n` +
    "Код действует 10 минут и подходит для одного входа. " +
    "Если вы не запрашивали код, просто проигнорируйте это письмо." +
    signature,
});

export const applicationReceived = (to: string, organisation: string) => ({
  to,
  subject: "Заявка на вступление в кластер получена",
  text:
    `Мы получили заявку организации «${organisation}» на вступление в Кластер НКО Калужской области.\n` +
    "Координаторы рассмотрят её и сообщат решение письмом." +
    signature,
});

export const applicationApproved = (to: string, organisation: string, id: string) => ({
  to,
  subject: "Заявка одобрена: добро пожаловать в кластер",
  text:
    `Заявка организации «${organisation}» одобрена. Организация теперь видна в каталоге участников:\n` +
    `${config().publicUrl}/members/${id}` +
    signature,
});

export const applicationRejected = (to: string, organisation: string, reason: string) => ({
  to,
  subject: "Заявка на вступление в кластер отклонена",
  text:
    `Заявка организации «${organisation}» отклонена.\n\nПричина: ${reason}\n\n` +
    "Вы можете исправить сведения и подать заявку снова." +
    signature,
});

export const invitation = (to: string, organisation: string, inviter: string, token: string) => ({
  to,
  subject: `Приглашение представлять «${organisation}»`,
  text:
    `${inviter} приглашает вас представлять организацию «${organisation}» на портале Кластера НКО Калужской области.\n\n` +
    `Чтобы принять приглашение, откройте ссылку и войдите с этим адресом почты:\n` +
    `${config().publicUrl}/invitations/accept?token=${token}\n\nСсылка действует 7 дней.` +
    signature,
});

const listingUrl = (id: string) => `${config().publicUrl}/resources/${id}`;
const responseUrl = (id: string) => `${config().publicUrl}/responses/${id}`;

export const listingHidden = (to: string, title: string, id: string, reason: string) => ({
  to,
  subject: `Объявление скрыто координатором: «${title}»`,
  text:
    `Координатор кластера скрыл ваше объявление «${title}» из Банка ресурсов.\n\nПричина: ${reason}\n\n` +
    `Объявление: ${listingUrl(id)}\nЕсли это ошибка, ответьте координатору.` +
    signature,
});

export const responseReceived = (to: string, title: string, responder: string, responseId: string) => ({
  to,
  subject: `Новый отклик на «${title}»`,
  text:
    `${responder} откликнулся на ваше объявление «${title}».\n\n` +
    `Прочитайте отклик и примите или отклоните его:\n${responseUrl(responseId)}` +
    signature,
});

export const responseAccepted = (to: string, title: string, responseId: string) => ({
  to,
  subject: `Ваш отклик принят: «${title}»`,
  text:
    `Автор объявления «${title}» принял ваш отклик. Контакты друг друга теперь видны на странице отклика:\n` +
    `${responseUrl(responseId)}` +
    signature,
});

export const responseDeclined = (to: string, title: string, responseId: string, reason?: string) => ({
  to,
  subject: `Ваш отклик отклонён: «${title}»`,
  text:
    `Автор объявления «${title}» отклонил ваш отклик.` +
    (reason ? `\n\nПричина: ${reason}` : "") +
    `\n\n${responseUrl(responseId)}` +
    signature,
});

export const responseMessage = (
  to: string,
  title: string,
  author: string,
  text: string,
  responseId: string,
) => ({
  to,
  subject: `Новое сообщение по «${title}»`,
  text: `${author} пишет:\n\n${text}\n\nОтветить: ${responseUrl(responseId)}${signature}`,
});

/** One letter per owner per run, whatever the number of new pairs. */
export const matchesFound = (
  to: string,
  title: string,
  listingId: string,
  found: { title: string; id: string }[],
) => ({
  to,
  subject: `Нашлись подходящие объявления для «${title}»`,
  text:
    `Для вашего объявления «${title}» в Банке ресурсов нашлось подходящее:\n\n` +
    found.map((match) => `• ${match.title}\n  ${listingUrl(match.id)}`).join("\n") +
    `\n\nВсе совпадения — на странице объявления: ${listingUrl(listingId)}` +
    signature,
});

export const responseCancelled = (to: string, title: string, responder: string, responseId: string) => ({
  to,
  subject: `Отклик отозван: «${title}»`,
  text:
    `${responder} отозвал свой отклик на ваше объявление «${title}». ` +
    "Если количество было забронировано, оно снова доступно другим.\n\n" +
    `${responseUrl(responseId)}` +
    signature,
});

const questionUrl = (id: string) => `${config().publicUrl}/consultations/${id}`;

export const questionAsked = (to: string, title: string, id: string, dueAt: string, forBody?: string) => ({
  to,
  subject: `Новый вопрос${forBody ? ` в ${forBody}` : ""}: «${title}»`,
  text:
    `На портале задан вопрос «${title}».\n\n` +
    `Ответ нужен до ${new Date(dueAt).toLocaleString("ru-RU", { timeZone: "Europe/Moscow" })} (мск). ` +
    `Возьмите его в работу, чтобы ответить:\n${questionUrl(id)}` +
    signature,
});

export const questionAnswered = (to: string, title: string, id: string, author: string) => ({
  to,
  subject: `Ответ на ваш вопрос «${title}»`,
  text:
    `${author} ответил на ваш вопрос «${title}».\n\nПрочитайте ответ, задайте уточняющий вопрос или отметьте ответ как решение:\n` +
    `${questionUrl(id)}` +
    signature,
});

export const questionFollowUp = (to: string, title: string, id: string, text: string) => ({
  to,
  subject: `Уточнение по вопросу «${title}»`,
  text: `Автор вопроса пишет:\n\n${text}\n\nОтветить: ${questionUrl(id)}` + signature,
});

export const questionDueSoon = (to: string, title: string, id: string, dueAt: string, taken: boolean) => ({
  to,
  subject: `Скоро срок ответа: «${title}»`,
  text:
    (taken
      ? `Срок ответа на вопрос «${title}», который вы взяли в работу, истекает`
      : `Вопрос «${title}» по вашей теме пока никто не взял в работу, а срок ответа истекает`) +
    ` ${new Date(dueAt).toLocaleString("ru-RU", { timeZone: "Europe/Moscow" })} (мск).\n\n${questionUrl(id)}` +
    signature,
});

export const questionOverdue = (to: string, title: string, id: string, assignee?: string) => ({
  to,
  subject: `Просрочен ответ на вопрос «${title}»`,
  text:
    `Срок ответа на вопрос «${title}» истёк. ` +
    (assignee ? `Вопрос в работе у: ${assignee}.` : "Вопрос никто не взял в работу.") +
    `\nПереназначьте его или свяжитесь с отвечающим:\n${questionUrl(id)}` +
    signature,
});

export const questionAssigned = (to: string, title: string, id: string, dueAt: string, by?: string) => ({
  to,
  subject: `Вам назначен вопрос «${title}»`,
  text:
    (by
      ? `Координатор ${by} назначил вам вопрос «${title}». Ответ нужен до `
      : `Вопрос «${title}» долго ждал, и портал назначил его вам по очереди. Ответ нужен до `) +
    `${new Date(dueAt).toLocaleString("ru-RU", { timeZone: "Europe/Moscow" })} (мск).\n\n${questionUrl(id)}` +
    signature,
});

const eventUrl = (id: string) => `${config().publicUrl}/events/${id}`;
/** "10 декабря 2026 г. в 18:00": events are announced on Moscow time. */
const eventWhen = (iso: string) =>
  new Date(iso).toLocaleString("ru-RU", { timeZone: "Europe/Moscow", dateStyle: "long", timeStyle: "short" });

export const registrationConfirmed = (
  to: string,
  event: { id: string; title: string; startsAt: string; where: string; link?: string; ticket: string },
) => ({
  to,
  subject: `Вы зарегистрированы: «${event.title}»`,
  text:
    `Вы зарегистрированы на мероприятие «${event.title}».\n\n` +
    `Когда: ${eventWhen(event.startsAt)} (мск)\nГде: ${event.where}\n` +
    (event.link ? `Ссылка на подключение (только для вас, не пересылайте её): ${event.link}\n` : "") +
    `Код билета: ${event.ticket} (QR-код — в этом письме и на странице мероприятия; покажите его или назовите код на входе)\n` +
    "\n" +
    `Страница мероприятия (там же можно отменить регистрацию, если планы изменятся):\n${eventUrl(event.id)}` +
    signature,
  // The same in HTML, with the ticket's QR code to show at the door from the phone's mail.
  html:
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>` +
    `<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#1a1a1a;margin:0;padding:16px">` +
    `<p>Вы зарегистрированы на мероприятие «${escapeHtml(event.title)}».</p>` +
    `<p>Когда: ${escapeHtml(eventWhen(event.startsAt))} (мск)<br>Где: ${escapeHtml(event.where)}</p>` +
    (event.link
      ? `<p>Ссылка на подключение (только для вас, не пересылайте её): <a href="${escapeHtml(event.link)}">${escapeHtml(event.link)}</a></p>`
      : "") +
    `<p><img src="${config().publicUrl}/api/tickets/${event.ticket}/qr.png" width="200" height="200" alt="QR-код билета ${event.ticket}"><br>` +
    `Код билета: <strong>${event.ticket}</strong> — покажите QR-код или назовите код на входе.</p>` +
    `<p><a href="${eventUrl(event.id)}">Страница мероприятия</a> (там же можно отменить регистрацию, если планы изменятся).</p>` +
    `<p style="color:#555">—<br>Кластер НКО Калужской области</p></body></html>`,
});

export const registrationRequested = (to: string, event: { id: string; title: string }) => ({
  to,
  subject: `Заявка на участие: «${event.title}»`,
  text:
    `Ваша заявка на участие в «${event.title}» получена. Организатор рассмотрит её и ответит письмом: ` +
    "если примет — придёт подтверждение с билетом.\n\nСтраница мероприятия (там же можно отозвать заявку):\n" +
    eventUrl(event.id) +
    signature,
});

export const registrationDeclined = (to: string, event: { id: string; title: string }, reason: string) => ({
  to,
  subject: `Заявка отклонена: «${event.title}»`,
  text:
    `Организатор мероприятия «${event.title}» отклонил вашу заявку.\nПричина: ${reason}\n\n` +
    `Другие мероприятия кластера: ${config().publicUrl}/events` +
    signature,
});

export const registrationWaitlisted = (to: string, event: { id: string; title: string }) => ({
  to,
  subject: `Лист ожидания: «${event.title}»`,
  text:
    `Свободных мест на «${event.title}» сейчас нет: вы в листе ожидания (место в очереди — на странице мероприятия).\n` +
    "Если место освободится, мы сразу напишем, и его можно будет занять.\n\n" +
    eventUrl(event.id) +
    signature,
});

export const seatOffered = (
  to: string,
  event: { id: string; title: string; startsAt: string; until: string },
) => ({
  to,
  subject: `Освободилось место: «${event.title}»`,
  text:
    `На мероприятии «${event.title}» (${eventWhen(event.startsAt)}, мск) освободилось место, и оно ваше, ` +
    `если вы подтвердите участие до ${eventWhen(event.until)} (мск). Потом место перейдёт следующему в очереди.\n\n` +
    `Подтвердить или отказаться:\n${eventUrl(event.id)}` +
    signature,
});

export const registrationCancelled = (to: string, event: { id: string; title: string }) => ({
  to,
  subject: `Регистрация отменена: «${event.title}»`,
  text:
    `Ваша регистрация на «${event.title}» отменена. Если это ошибка, зарегистрируйтесь снова, пока есть места:\n` +
    eventUrl(event.id) +
    signature,
});

export const offerLapsed = (to: string, event: { id: string; title: string }) => ({
  to,
  subject: `Место передано следующему: «${event.title}»`,
  text:
    `Вы не подтвердили участие в «${event.title}» вовремя, и место перешло следующему в очереди.\n` +
    `Если места снова появятся, зарегистрироваться можно на странице мероприятия:\n${eventUrl(event.id)}` +
    signature,
});

export const eventReminder = (
  to: string,
  event: { id: string; title: string; startsAt: string; where: string; link?: string },
  soon: "day" | "hour",
) => ({
  to,
  subject: `${soon === "day" ? "Завтра" : "Через час"}: «${event.title}»`,
  text:
    `Напоминаем: ${eventWhen(event.startsAt)} (мск) — «${event.title}».\n` +
    `Где: ${event.where}\n` +
    (event.link ? `Ссылка на подключение: ${event.link}\n` : "") +
    `\nЕсли не получится прийти, отмените регистрацию: место достанется тому, кто ждёт.\n${eventUrl(event.id)}` +
    signature,
});

export const eventChanged = (
  to: string,
  event: { id: string; title: string; startsAt: string; where: string },
) => ({
  to,
  subject: `Изменения: «${event.title}»`,
  text:
    `Организатор изменил мероприятие «${event.title}», на которое вы зарегистрированы.\n\n` +
    `Когда: ${eventWhen(event.startsAt)} (мск)\nГде: ${event.where}\n\n` +
    `Подробности и ваша регистрация:\n${eventUrl(event.id)}` +
    signature,
});

export const eventCancelled = (to: string, event: { id: string; title: string }, reason: string) => ({
  to,
  subject: `Мероприятие отменено: «${event.title}»`,
  text:
    `К сожалению, мероприятие «${event.title}» отменено.\nПричина: ${reason}\n\n` +
    `Другие мероприятия кластера: ${config().publicUrl}/events` +
    signature,
});

export const feedbackAsked = (to: string, event: { id: string; title: string }) => ({
  to,
  subject: `Как прошло «${event.title}»? Оцените`,
  text:
    `Спасибо, что были на мероприятии «${event.title}»!\n\n` +
    "Оцените его от 1 до 5 и, если хотите, напишите пару слов: организатор увидит оценки и комментарии без имён. " +
    "Там же — материалы, запись и ваш сертификат участника (PDF):\n" +
    eventUrl(event.id) +
    signature,
});

export const organiserMessage = (
  to: string,
  event: { id: string; title: string },
  subject: string,
  body: string,
) => ({
  to,
  subject: `${subject} — «${event.title}»`,
  text: `${body}\n\n—\nОрганизатор мероприятия «${event.title}»\n${eventUrl(event.id)}${signature}`,
});

export const proposalPublished = (to: string, event: { id: string; title: string }) => ({
  to,
  subject: `Мероприятие опубликовано: «${event.title}»`,
  text:
    `Координаторы опубликовали ваше мероприятие «${event.title}»: регистрация открыта.\n\n${eventUrl(event.id)}` +
    signature,
});

export const proposalReturned = (to: string, event: { id: string; title: string }, reason: string) => ({
  to,
  subject: `Мероприятие возвращено на доработку: «${event.title}»`,
  text:
    `Координаторы вернули ваше мероприятие «${event.title}» на доработку.\nЧто поправить: ${reason}\n\n` +
    `Исправьте его на странице мероприятия, и оно снова придёт на рассмотрение:\n${eventUrl(event.id)}` +
    signature,
});

const materialUrl = (id: string) => `${config().publicUrl}/materials/${id}`;

export const materialPublished = (to: string, material: { id: string; title: string }) => ({
  to,
  subject: `Материал опубликован в библиотеке: «${material.title}»`,
  text:
    `Координаторы опубликовали ваш материал «${material.title}» в библиотеке кластера.\n\n` +
    materialUrl(material.id) +
    signature,
});

export const materialReturned = (to: string, material: { id: string; title: string }, reason: string) => ({
  to,
  subject: `Материал возвращён на доработку: «${material.title}»`,
  text:
    `Координаторы вернули ваш материал «${material.title}» на доработку.\nЧто поправить: ${reason}\n\n` +
    `Исправьте его на странице материала, и он снова придёт на рассмотрение:\n${materialUrl(material.id)}` +
    signature,
});
