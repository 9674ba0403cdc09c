import { placeName, resourceCategoryName } from "@cluster/core/reference";
import { HideListing, type Listing } from "@cluster/core/resource/schema";
import { createAsync, revalidate, useAction, useParams } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { ApiError } from "../../data/api";
import {
  completeResource,
  getResource,
  hideResource,
  publishResource,
  withdrawResource,
} from "../../data/resources";
import { useSession } from "../../providers/session";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { TextArea } from "../../ui/field";
import { issuesToFields } from "../../ui/form";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { conditionsName, formatRoubles, kindBadge, quantityText } from "./labels";
import { Matches } from "./matches";
import { Photos } from "./photos";
import { RespondSection } from "./respond";
import { OwnerResponses } from "./responses";

export default function ListingPage() {
  const params = useParams<{ id: string }>();
  const view = createAsync(() => getResource(params.id));
  return (
    <DataBoundary>
      <Show when={view() !== undefined}>
        <Show when={view()} fallback={<ListingNotFound />}>
          {(current) => <ListingView listing={current().listing} canEdit={current().canEdit} />}
        </Show>
      </Show>
    </DataBoundary>
  );
}

function StatusNotice(props: { status: Listing["status"]; hiddenReason?: string }) {
  return (
    <Switch>
      <Match when={props.status === "reserved"}>
        <Alert kind="info" title="Всё забронировано">
          <p>Новые отклики не принимаются; объявление убрано из поиска.</p>
        </Alert>
      </Match>
      <Match when={props.status === "draft"}>
        <Alert kind="info" title="Черновик — виден только вам">
          <p>Объявление появится в банке ресурсов после публикации.</p>
        </Alert>
      </Match>
      <Match when={props.status === "withdrawn"}>
        <Alert kind="warning" title="Снято с публикации">
          <p>Объявления нет в банке ресурсов, его видите только вы.</p>
        </Alert>
      </Match>
      <Match when={props.status === "expired"}>
        <Alert kind="warning" title="Срок объявления истёк">
          <p>Дата окончания прошла, объявление убрано из банка ресурсов.</p>
        </Alert>
      </Match>
      <Match when={props.status === "fulfilled"}>
        <Alert kind="success" title="Выполнено">
          <p>Ресурс передан, объявление закрыто.</p>
        </Alert>
      </Match>
      <Match when={props.status === "hidden"}>
        <Alert kind="warning" title="Скрыто координатором">
          <Show when={props.hiddenReason}>
            <p>Причина: {props.hiddenReason}</p>
          </Show>
          <p>Объявление убрано из банка ресурсов. Если есть вопросы, напишите координаторам кластера.</p>
        </Alert>
      </Match>
    </Switch>
  );
}

function ListingView(props: { listing: Listing; canEdit: boolean }) {
  const { hasRole } = useSession();
  const listing = () => props.listing;
  const quantity = () => {
    const total = quantityText(listing().category, listing().quantity);
    const { remaining, quantity: all } = listing();
    return remaining !== undefined && remaining !== all ? `осталось ${remaining} из ${total}` : total;
  };
  const open = () => listing().status === "published" || listing().status === "reserved";
  return (
    <article class="profile">
      <p>
        <a href="/resources">← Банк ресурсов</a>
      </p>
      <PageTitle>{listing().title}</PageTitle>
      <p>
        <span class={`badge badge--${listing().kind}`}>{kindBadge[listing().kind]}</span>
      </p>
      <StatusNotice status={listing().status} hiddenReason={listing().hiddenReason} />
      <Show when={props.canEdit}>
        <Manage listing={listing()} />
      </Show>

      <dl class="facts">
        <dt>Категория</dt>
        <dd>{resourceCategoryName[listing().category]}</dd>
        <dt>Где</dt>
        <dd>{placeName[listing().place]}</dd>
        <Show when={quantity()}>
          <dt>Количество</dt>
          <dd>{quantity()}</dd>
        </Show>
        <dt>Доступно с</dt>
        <dd>{formatDate(listing().availableFrom)}</dd>
        <dt>Доступно до</dt>
        <dd>{listing().availableTo ? formatDate(listing().availableTo) : "Пока не снимут с публикации"}</dd>
        <dt>Условия</dt>
        <dd>{conditionsName[listing().conditions]}</dd>
        <Show when={listing().estimatedValue !== undefined}>
          <dt>Оценочная стоимость</dt>
          <dd>{formatRoubles(listing().estimatedValue ?? 0)}</dd>
        </Show>
        <dt>{listing().kind === "offer" ? "Предлагает" : "Ищет"}</dt>
        <dd>
          <Show when={listing().owner.organisationId} fallback={`${listing().owner.name} (частное лицо)`}>
            {(organisationId) => <a href={`/members/${organisationId()}`}>{listing().owner.name}</a>}
          </Show>
        </dd>
        <Show when={listing().publishedAt}>
          <dt>Опубликовано</dt>
          <dd>{formatDate(listing().publishedAt)}</dd>
        </Show>
      </dl>

      <section aria-labelledby="description-title">
        <h2 id="description-title">Описание</h2>
        <p class="description">{listing().description}</p>
      </section>

      <Photos listing={listing()} canEdit={props.canEdit && listing().status !== "hidden"} />

      <Show when={props.canEdit && listing().status !== "draft"}>
        <OwnerResponses listing={listing()} />
      </Show>
      <Show when={!props.canEdit && listing().status === "published"}>
        <RespondSection listing={listing()} />
      </Show>
      <Show when={listing().status === "published"}>
        <Matches listing={listing()} />
      </Show>
      <Show when={hasRole("coordinator") && open()}>
        <Moderate listing={listing()} />
      </Show>
    </article>
  );
}

type Step = "publish" | "withdraw" | "complete";

const done: Record<Step, string> = {
  publish: "Объявление опубликовано. Подходящие объявления — ниже; их авторам мы написали.",
  withdraw: "Объявление снято с публикации.",
  complete: "Объявление закрыто как выполненное.",
};

/** Publish, withdraw, edit: for the author, the organisation's representatives and coordinators. */
function Manage(props: { listing: Listing }) {
  const publish = useAction(publishResource);
  const withdraw = useAction(withdrawResource);
  const complete = useAction(completeResource);
  const [busy, setBusy] = createSignal<Step>();
  const [message, setMessage] = createSignal<{ kind: "success" | "warning" | "error"; text: string }>();
  let box: HTMLDivElement | undefined;

  const show = (kind: "success" | "warning" | "error", text: string) => {
    setMessage({ kind, text });
    requestAnimationFrame(() => box?.focus());
  };

  async function change(which: Step) {
    if (busy()) return;
    setMessage(undefined);
    setBusy(which);
    try {
      const act = { publish, withdraw, complete }[which];
      await act(props.listing.id, props.listing.version);
      show("success", done[which]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Someone changed the listing meanwhile: show what it is now, and let the person decide again.
        await revalidate(getResource.keyFor(props.listing.id));
        show(
          "warning",
          error.code === "stale"
            ? "Объявление только что изменили в другом окне или другой представитель. Мы загрузили актуальную версию — проверьте её и повторите действие."
            : `${error.message}. Мы загрузили актуальную версию объявления.`,
        );
        return;
      }
      show(
        "error",
        error instanceof ApiError ? error.message : "Не удалось выполнить действие. Попробуйте ещё раз.",
      );
    } finally {
      setBusy(undefined);
    }
  }

  const open = () => ["draft", "published", "reserved"].includes(props.listing.status);

  return (
    <>
      <Show when={message()}>
        {(m) => (
          <Alert kind={m().kind} ref={(el) => (box = el)} tabIndex={-1}>
            <p>{m().text}</p>
          </Alert>
        )}
      </Show>
      <Show when={open()}>
        <div class="actions">
          <Show when={props.listing.status === "draft"}>
            <Button pending={busy() === "publish"} onClick={() => change("publish")}>
              Опубликовать
            </Button>
          </Show>
          <a href={`/resources/${props.listing.id}/edit`} class="button button--secondary">
            Редактировать
          </a>
          <Show when={props.listing.status !== "draft"}>
            <Button variant="secondary" pending={busy() === "complete"} onClick={() => change("complete")}>
              Завершить: всё передано
            </Button>
          </Show>
          <Button variant="secondary" pending={busy() === "withdraw"} onClick={() => change("withdraw")}>
            Снять с публикации
          </Button>
        </div>
      </Show>
    </>
  );
}

/** Moderation: a coordinator hides the listing and the owner gets the reason by email. */
function Moderate(props: { listing: Listing }) {
  const hide = useAction(hideResource);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const parsed = HideListing.safeParse({ version: props.listing.version, reason: reason() });
    if (!parsed.success) {
      setError(issuesToFields(parsed.error.issues).reason);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await hide(props.listing.id, parsed.data);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Не удалось скрыть объявление.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="moderate-title" class="section panel panel--danger">
      <h2 id="moderate-title">Модерация</h2>
      <form class="form" onSubmit={onSubmit} noValidate>
        <TextArea
          name="reason"
          label="Причина скрытия"
          hint="Автор получит её письмом."
          rows={2}
          value={reason()}
          onValue={setReason}
          error={error()}
        />
        <div class="actions">
          <Button type="submit" variant="danger" pending={busy()}>
            Скрыть объявление
          </Button>
        </div>
      </form>
    </section>
  );
}

export function ListingNotFound() {
  return (
    <>
      <PageTitle>Объявление не найдено</PageTitle>
      <p>
        Возможно, ссылка устарела или объявление снято с публикации.{" "}
        <a href="/resources">Вернуться в банк ресурсов</a>
      </p>
    </>
  );
}
