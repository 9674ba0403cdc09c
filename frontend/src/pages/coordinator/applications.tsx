import { type Organisation, Reject } from "@cluster/core/member/schema";
import { municipalityName, organisationKindName, sphereName } from "@cluster/core/reference";
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError, type FieldErrors } from "../../data/api";
import { approveApplication, getApplications, rejectApplication } from "../../data/members";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { TextArea } from "../../ui/field";
import { focusFirstInvalid, issuesToFields } from "../../ui/form";
import { enumeration, formatDateTime } from "../../ui/format";
import { OrganisationLogo } from "../../ui/logo";
import { PageTitle } from "../../ui/page-title";
import { createIdIndex, createPagedList, Pager } from "../../ui/pager";
import { DataBoundary } from "../../ui/status";
import { CoordinatorGate } from "../login/gate";
import { CoordinatorNav } from "./nav";

const contactLabels = {
  email: "Почта",
  phone: "Телефон",
  address: "Адрес",
  person: "Контактное лицо",
} as const;

export default function ApplicationsPage() {
  return (
    <>
      <PageTitle>Заявки на&nbsp;вступление</PageTitle>
      <CoordinatorGate>
        <CoordinatorNav />
        <Queue />
      </CoordinatorGate>
    </>
  );
}

function Queue() {
  const list = createPagedList(
    () => "queue",
    (_key, cursor) => getApplications(cursor),
  );
  // Handled applications leave the list at once, even those on pages loaded with "Показать ещё".
  const [handled, setHandled] = createSignal<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = createSignal<string>();
  let status: HTMLDivElement | undefined;
  const items = () => list.items().filter((item) => !handled().has(item.id));
  const index = createIdIndex(items);

  const done = (organisation: Organisation, message: string) => {
    setHandled((set) => new Set([...set, organisation.id]));
    setAnnouncement(message);
    requestAnimationFrame(() => status?.focus());
  };

  return (
    <>
      <Show when={announcement()}>
        <Alert kind="success" ref={(el) => (status = el)} tabIndex={-1}>
          <p>{announcement()}</p>
        </Alert>
      </Show>
      <DataBoundary loading="Загружаем заявки…">
        <Show when={items().length > 0} fallback={<p class="empty">Новых заявок нет.</p>}>
          <p>Сначала самые давние заявки.</p>
          <ul class="plain-list application-list">
            <For each={index.ids()}>
              {(id) => (
                <Show when={index.get(id)}>
                  {(item) => <ApplicationCard organisation={item()} onDone={done} />}
                </Show>
              )}
            </For>
          </ul>
          <Pager list={list} count={items().length} noun={["заявка", "заявки", "заявок"]} />
        </Show>
      </DataBoundary>
    </>
  );
}

function ApplicationCard(props: {
  organisation: Organisation;
  onDone: (o: Organisation, message: string) => void;
}) {
  const o = () => props.organisation;
  const titleId = `application-${props.organisation.id}`;
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [busy, setBusy] = createSignal<"approve" | "reject">();
  const approve = useAction(approveApplication);
  const reject = useAction(rejectApplication);
  let card!: HTMLElement;

  function failed(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      setProblem("Заявку уже рассмотрел кто-то другой или её изменили. Обновите страницу.");
    } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      setErrors(error.fields);
      focusFirstInvalid(card);
    } else {
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось выполнить действие. Попробуйте ещё раз.",
      );
    }
  }

  async function onApprove() {
    if (busy()) return;
    setProblem(undefined);
    setErrors({});
    setBusy("approve");
    try {
      await approve(o().id, { version: o().version });
      props.onDone(o(), `Заявка «${o().name}» одобрена. Организация появилась в каталоге.`);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(undefined);
    }
  }

  async function onReject() {
    if (busy()) return;
    setProblem(undefined);
    const parsed = Reject.safeParse({ reason: reason(), version: o().version });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      focusFirstInvalid(card);
      return;
    }
    setErrors({});
    setBusy("reject");
    try {
      await reject(o().id, parsed.data);
      props.onDone(o(), `Заявка «${o().name}» отклонена. Заявитель получит письмо с причиной.`);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <li>
      <article class="card application" aria-labelledby={titleId} ref={card}>
        <h2 id={titleId}>{o().name}</h2>
        <Show when={o().demo}>
          <p>
            <span class="badge">демо</span>
          </p>
        </Show>
        <dl class="facts">
          <Show when={o().shortName}>
            <dt>Краткое название</dt>
            <dd>{o().shortName}</dd>
          </Show>
          <dt>Вид участника</dt>
          <dd>{organisationKindName[o().kind]}</dd>
          <dt>ИНН</dt>
          <dd>{o().inn ?? "не указан"}</dd>
          <dt>ОГРН / ОГРНИП</dt>
          <dd>{o().ogrn ?? "не указан"}</dd>
          <dt>Муниципалитет</dt>
          <dd>{municipalityName[o().municipality]}</dd>
          <dt>Сферы</dt>
          <dd>{enumeration(o().spheres.map((s) => sphereName[s]))}</dd>
          <Show when={o().website}>
            <dt>Сайт</dt>
            <dd>{o().website}</dd>
          </Show>
          <For each={Object.entries(contactLabels) as [keyof typeof contactLabels, string][]}>
            {([key, label]) => (
              <Show when={o().contacts[key]}>
                {(contact) => (
                  <>
                    <dt>{label}</dt>
                    <dd>
                      {contact().value}
                      <span class="muted">{contact().public ? " (публично)" : " (скрыто)"}</span>
                    </dd>
                  </>
                )}
              </Show>
            )}
          </For>
          <Show when={o().logoUrl}>
            {(src) => (
              <>
                <dt>Логотип</dt>
                <dd>
                  <OrganisationLogo src={src()} name={o().name} size={96} class="logo--card" />
                </dd>
              </>
            )}
          </Show>
          <dt>Подана</dt>
          <dd>{formatDateTime(o().createdAt)}</dd>
        </dl>
        <p class="description">{o().description}</p>

        <TextArea
          name={`reason-${o().id}`}
          label="Причина отказа"
          hint="Обязательна при отказе (от 5 символов): её получит заявитель."
          rows={3}
          value={reason()}
          onValue={setReason}
          error={errors().reason}
        />
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button pending={busy() === "approve"} onClick={onApprove}>
            Одобрить
          </Button>
          <Button variant="danger" pending={busy() === "reject"} onClick={onReject}>
            Отклонить
          </Button>
        </div>
      </article>
    </li>
  );
}
