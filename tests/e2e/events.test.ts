import { readFileSync } from "node:fs";
import * as Clock from "@cluster/core/shared/clock";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../packages/local/src/demo-history";
import { tinyPng } from "../fixtures/images";
import { coordinatorContext, mailTo, signIn, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

/** A Moscow clock time `hours` from now, as a datetime-local field takes it. */
const moscowIn = (hours: number) =>
  new Date(Clock.nowMs() + (hours + 3) * 3_600_000).toISOString().slice(0, 16);

/** The event page's address in the newest letter with this subject, as a person would follow it. */
async function linkInLetter(email: string, subject: string) {
  await expect
    .poll(async () => (await mailTo(email)).some((mail) => mail.subject.startsWith(subject)))
    .toBe(true);
  const letter = (await mailTo(email)).filter((mail) => mail.subject.startsWith(subject)).at(-1);
  const link = /https?:\/\/\S+\/events\/[0-9A-Z]{26}/.exec(letter?.body.text ?? "")?.[0];
  if (!link) throw new Error(`no event link in «${subject}» to ${email}`);
  return new URL(link).pathname;
}

async function register(page: Page, path: string) {
  await page.goto(url(path));
  await page.getByRole("radio", { name: "Нет" }).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
}

describe("events in the browser", () => {
  it("a coordinator publishes a webinar of 2 seats; the third person waits, gets the freed seat by mail and takes it; the link stays hidden from a guest", async () => {
    const title = `Вебинар: бюджет грантовой заявки ${Date.now().toString(36)}`;
    const desk = await (await coordinatorContext(browser())).newPage();
    await desk.goto(url("/events"));
    await desk.getByRole("link", { name: "Создать мероприятие" }).click();
    // The calendar has a «Вид» filter too: wait for the form's page before filling it in.
    await desk.getByRole("heading", { level: 1, name: "Новое мероприятие" }).waitFor();
    await desk.getByLabel("Вид").selectOption({ label: "Вебинар" });
    await desk.getByLabel("Название").fill(title);
    await desk
      .getByLabel("Описание")
      .fill("Как посчитать бюджет проекта и обосновать каждую статью расходов.");
    await desk.getByLabel("Начало (мск)").fill(moscowIn(48));
    await desk.getByLabel("Окончание (мск)").fill(moscowIn(50));
    await desk.getByLabel("Ссылка на подключение").fill("https://meet.example.org/budget-webinar");
    await desk.getByLabel("Онлайн-мест").fill("2");
    await desk.getByRole("button", { name: "Добавить вопрос" }).click();
    await desk.getByLabel("Вопрос 1: вид").selectOption({ label: "Выбор из вариантов" });
    await desk.getByLabel("Вопрос 1: текст").fill("Подавали ли вы заявки раньше?");
    await desk.getByLabel("Вопрос 1: варианты").fill("Да\nНет");
    await desk.getByRole("checkbox", { name: "Вопрос 1: обязательный" }).check();
    await desk.getByRole("button", { name: "Опубликовать" }).click();
    await desk.getByRole("heading", { level: 1, name: title }).waitFor();
    const path = new URL(desk.url()).pathname;
    expect(path).toMatch(/^\/events\/[0-9A-Z]{26}$/);
    await desk.getByText("https://meet.example.org/budget-webinar").waitFor();

    const emails = [uniqueEmail("first"), uniqueEmail("second"), uniqueEmail("third")];
    const [first, second, third] = await Promise.all(
      emails.map(() => browser().newPage({ viewport: { width: 360, height: 740 } })),
    );
    await signIn(first!, emails[0]!, "Первая Участница");
    await signIn(second!, emails[1]!, "Второй Участник");
    await signIn(third!, emails[2]!, "Третья Участница");
    await register(first!, path);
    await first!.getByText("Вы зарегистрированы").waitFor();
    await first!.getByRole("link", { name: "https://meet.example.org/budget-webinar" }).waitFor();
    await register(second!, path);
    await second!.getByText("Вы зарегистрированы").waitFor();
    await register(third!, path);
    await third!.getByText("Вы в листе ожидания").waitFor();
    await third!.getByText("Ваше место в очереди: 1").waitFor();
    expect(await third!.getByText("meet.example.org").count()).toBe(0);

    // The first cancels from the page her confirmation letter links to.
    await first!.goto(url(await linkInLetter(emails[0]!, "Вы зарегистрированы")));
    await first!.getByRole("button", { name: "Отменить регистрацию" }).click();
    await first!.getByRole("button", { name: "Зарегистрироваться" }).waitFor();

    await third!.goto(url(await linkInLetter(emails[2]!, "Освободилось место")));
    await third!.getByText("Для вас освободилось место").waitFor();
    await third!.getByRole("button", { name: "Подтвердить участие" }).click();
    await third!.getByText("Вы зарегистрированы").waitFor();
    await third!.getByRole("link", { name: "https://meet.example.org/budget-webinar" }).waitFor();

    // At the door: the organiser types the ticket shown under the third person's QR code.
    await third!.getByRole("img", { name: /^QR-код билета/ }).waitFor();
    const ticket = (await third!.locator(".ticket-code").textContent())?.trim() ?? "";
    expect(ticket).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    await desk.goto(url(path));
    await desk.getByRole("link", { name: "Участники и отметка" }).click();
    await desk.getByRole("heading", { level: 1, name: "Участники" }).waitFor();
    await desk.getByRole("row", { name: /Третья Участница/ }).waitFor();
    await desk.getByLabel("Код билета").fill(ticket.toLowerCase());
    await desk.getByRole("button", { name: "Отметить", exact: true }).click();
    await desk.getByText("Третья Участница отмечен(а)").waitFor();
    await desk.getByLabel("Код билета").fill(ticket);
    await desk.getByRole("button", { name: "Отметить", exact: true }).click();
    await desk.getByText("Третья Участница уже отмечен(а)").waitFor();

    const guest = await browser().newPage();
    await guest.goto(url(path));
    await guest.getByRole("heading", { level: 1, name: title }).waitFor();
    await guest.getByText("Свободно мест: 0").or(guest.getByText("Мест нет")).first().waitFor();
    expect(await guest.content()).not.toContain("meet.example.org");
    await guest.getByRole("link", { name: "Войдите" }).waitFor();

    // The calendar lists it among the upcoming webinars.
    await guest.goto(url("/events?kind=webinar"));
    await guest.getByRole("link", { name: title }).waitFor();
    // And its words find it, in another form: «грантовых заявок» for «грантовой заявки».
    await guest.goto(url("/events"));
    await guest
      .getByRole("searchbox", { name: "Поиск по названию, описанию, выступающим и месту" })
      .fill("бюджеты грантовых");
    await guest
      .getByRole("search", { name: "Поиск мероприятий" })
      .getByRole("button", { name: "Найти" })
      .click();
    await expect.poll(() => new URL(guest.url()).searchParams.get("q")).toBe("бюджеты грантовых");
    await guest.getByRole("link", { name: title }).waitFor();
    for (const page of [desk, first!, second!, third!, guest]) await page.close();
  });

  it("after a webinar: the organiser marks an attendee and adds the recording; the attendee rates it and downloads a certificate that its page confirms", async () => {
    // A demo webinar held twelve days ago whose organiser has not yet recorded how it went.
    const title = "Как рассказать о проекте в СМИ и соцсетях (демо)";
    const attendeeName = "Анна Смирнова (демо)";
    const desk = await (await coordinatorContext(browser())).newPage();
    await desk.goto(url("/events?when=past&kind=webinar"));
    await desk.getByRole("link", { name: title }).click();
    await desk.getByRole("heading", { level: 1, name: title }).waitFor();
    const path = new URL(desk.url()).pathname;
    await desk.getByRole("link", { name: "Участники и отметка" }).click();
    await desk.getByRole("heading", { level: 1, name: "Участники" }).waitFor();
    // Found by name, as someone without a phone at the door.
    await desk.getByRole("searchbox", { name: "Найти участника" }).fill("смирнова");
    await expect.poll(() => desk.getByRole("row").filter({ hasText: "(демо)" }).count()).toBe(1);
    await desk.getByRole("button", { name: `Отметить: ${attendeeName}` }).click();
    await desk
      .getByRole("row")
      .filter({ hasText: attendeeName })
      .getByText(/^был\(а\), /)
      .waitFor();

    await desk.goto(url(path));
    await desk.getByRole("link", { name: "Подвести итоги" }).click();
    await desk.getByRole("heading", { level: 1, name: "Итоги мероприятия" }).waitFor();
    await desk
      .getByLabel("Итоги (необязательно)")
      .fill("Разобрали три новости участников и написали их заново.");
    await desk.getByLabel("Материал 1: адрес").fill("video.example.org/media-webinar");
    await desk.getByRole("button", { name: "Сохранить итоги" }).click();
    await desk.getByText("Итоги сохранены и видны на странице мероприятия.").waitFor();

    const attendee = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await signIn(attendee, DEMO_PEOPLE.member);
    await attendee.goto(url(path));
    await attendee.getByRole("heading", { level: 2, name: "Итоги" }).waitFor();
    const recording = attendee.getByRole("link", { name: "Запись", exact: true });
    expect(await recording.getAttribute("href")).toBe("https://video.example.org/media-webinar");
    await attendee.getByRole("button", { name: "Отправить отзыв" }).click();
    await attendee.getByRole("link", { name: "Оценка: Поставьте оценку от 1 до 5" }).waitFor();
    await attendee.getByRole("radio", { name: "5" }).check();
    await attendee
      .getByLabel("Комментарий (необязательно)")
      .fill("Теперь понятно, как писать новость о проекте");
    await attendee.getByRole("button", { name: "Отправить отзыв" }).click();
    await attendee.getByText("Ваша оценка: 5 из 5. Спасибо за отзыв!").waitFor();

    const download = attendee.waitForEvent("download");
    await attendee.getByRole("button", { name: "Скачать сертификат (PDF)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sertifikat-[A-HJ-NP-Z2-9]{12}\.pdf$/);
    const pdf = await getDocument({
      data: new Uint8Array(readFileSync(await file.path())),
      isEvalSupported: false,
    }).promise;
    const text = (await (await pdf.getPage(1)).getTextContent()).items
      .map((item) => ("str" in item ? item.str : ""))
      .join("\n");
    expect(text).toContain(attendeeName);
    expect(text).toContain("принял(а) участие в вебинаре");
    const code = /Код проверки: ([A-Z0-9-]{14})/.exec(text)?.[1] ?? "";
    await attendee.getByText(`Код проверки: ${code}`).waitFor();

    // Whoever is shown the certificate checks its code from the footer's page.
    const guest = await browser().newPage();
    await guest.goto(url("/"));
    await guest.getByRole("link", { name: "Проверка сертификата" }).click();
    await guest.getByRole("heading", { level: 1, name: "Проверка сертификата" }).waitFor();
    await guest.getByLabel("Код проверки").fill(code.toLowerCase());
    await guest.getByRole("button", { name: "Проверить" }).click();
    await guest.getByText("Сертификат подлинный").waitFor();
    await guest.getByText(attendeeName).waitFor();
    await guest.getByRole("link", { name: title }).waitFor();

    // The organiser reads the rating and the comment, without the attendee's name.
    await desk.reload();
    await desk.getByText(/Отзывов: 1 из 1 отмеченных участников, средняя оценка 5 из 5/).waitFor();
    await desk.getByText("Теперь понятно, как писать новость о проекте").waitFor();
    expect(await desk.getByRole("region", { name: "Отзывы участников" }).textContent()).not.toContain(
      attendeeName,
    );
    for (const page of [desk, attendee, guest]) await page.close();
  });

  it("a coordinator creates a weekly series of three dates, each its own page with the others listed", async () => {
    const title = `Школа грантрайтера ${Date.now().toString(36)}`;
    const desk = await (await coordinatorContext(browser())).newPage();
    await desk.goto(url("/events/new"));
    await desk.getByRole("heading", { level: 1, name: "Новое мероприятие" }).waitFor();
    await desk.getByLabel("Вид").selectOption({ label: "Вебинар" });
    await desk.getByLabel("Название").fill(title);
    await desk.getByLabel("Описание").fill("Каждую неделю — одна часть заявки: проблема, цель, бюджет.");
    const startsAt = moscowIn(30);
    await desk.getByLabel("Начало (мск)").fill(startsAt);
    await desk.getByLabel("Окончание (мск)").fill(moscowIn(31));
    await desk.getByLabel("Ссылка на подключение").fill("https://meet.example.org/school");
    // A speaker from the portal's experts, named on every date's page.
    await desk.getByRole("checkbox", { name: /^Мария Иванова, юрист НКО \(демо\) — / }).check();
    await desk.getByLabel("Повторять", { exact: true }).selectOption({ label: "Каждую неделю" });
    // Too early an end is said on its field.
    await desk.getByLabel("Повторять до").fill(startsAt.slice(0, 10));
    await desk.getByRole("button", { name: "Опубликовать" }).click();
    await desk.getByRole("link", { name: "Повторять до: Повторять — до дня позже первой даты" }).waitFor();
    const lastDay = new Date(Date.parse(`${startsAt}:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    await desk.getByLabel("Повторять до").fill(lastDay);
    await desk.getByRole("button", { name: "Опубликовать" }).click();
    await desk.getByRole("heading", { level: 1, name: title }).waitFor();
    await desk.getByText("Мария Иванова, юрист НКО (демо) (эксперт портала)").waitFor();
    const dates = desk.getByRole("region", { name: "Все даты серии" }).getByRole("listitem");
    await expect.poll(() => dates.count()).toBe(3);
    await dates.nth(0).getByText("— эта дата").waitFor();
    await dates.nth(1).getByRole("link").click();
    await dates.nth(1).getByText("— эта дата").waitFor();
    await desk.getByRole("heading", { level: 1, name: title }).waitFor();
    // A cover for this date, from its edit page.
    await desk.getByRole("link", { name: "Изменить" }).click();
    await desk.getByRole("heading", { level: 1, name: "Изменить мероприятие" }).waitFor();
    await desk
      .getByLabel("Загрузить обложку")
      .setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: tinyPng });
    await desk.getByRole("img", { name: "Текущая обложка" }).waitFor();
    await desk.getByRole("link", { name: "Вернуться к мероприятию" }).click();
    await desk.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await desk.locator("img.event-cover").getAttribute("src")).toMatch(
      /^\/api\/events\/[0-9A-Z]{26}\/cover\//,
    );
    await desk.close();
  });

  it("an event by approval: a person asks, the organiser accepts from the list, and the ticket appears", async () => {
    const title = `Стратегическая сессия по заявкам ${Date.now().toString(36)}`;
    const desk = await (await coordinatorContext(browser())).newPage();
    await desk.goto(url("/events/new"));
    await desk.getByRole("heading", { level: 1, name: "Новое мероприятие" }).waitFor();
    await desk.getByLabel("Вид").selectOption({ label: "Вебинар" });
    await desk.getByLabel("Название").fill(title);
    await desk
      .getByLabel("Описание")
      .fill("Рабочая группа из двадцати НКО: участие по одобрению организатора.");
    await desk.getByLabel("Начало (мск)").fill(moscowIn(50));
    await desk.getByLabel("Окончание (мск)").fill(moscowIn(52));
    await desk.getByLabel("Ссылка на подключение").fill("https://meet.example.org/strategy");
    await desk.getByRole("checkbox", { name: "Участие по одобрению организатора" }).check();
    await desk.getByRole("button", { name: "Опубликовать" }).click();
    await desk.getByRole("heading", { level: 1, name: title }).waitFor();
    const path = new URL(desk.url()).pathname;

    const email = uniqueEmail("asking");
    const person = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await signIn(person, email, "Просящая Участница");
    await person.goto(url(path));
    await person.getByText("Участие — по одобрению организатора").waitFor();
    await person.getByRole("button", { name: "Зарегистрироваться" }).click();
    await person.getByText("Заявка на рассмотрении у организатора").waitFor();
    expect(await person.getByText("meet.example.org").count()).toBe(0);

    await desk.getByRole("link", { name: "Участники и отметка" }).click();
    await desk.getByRole("heading", { level: 1, name: "Участники" }).waitFor();
    await desk.getByRole("button", { name: "Принять: Просящая Участница" }).click();
    await desk
      .getByRole("row")
      .filter({ hasText: "Просящая Участница" })
      .getByText("Вы зарегистрированы")
      .waitFor();

    await person.goto(url(await linkInLetter(email, "Вы зарегистрированы")));
    await person.getByText("Вы зарегистрированы").waitFor();
    await person.getByRole("img", { name: /^QR-код билета/ }).waitFor();
    await person.getByRole("link", { name: "https://meet.example.org/strategy" }).waitFor();
    for (const page of [desk, person]) await page.close();
  });
});
