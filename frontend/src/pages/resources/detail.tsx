import { placeName, resourceCategoryName } from "@cluster/core/reference";
import type { Listing } from "@cluster/core/resource/schema";
import { A, createAsync, revalidate, useAction, useParams } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { ApiError } from "../../data/api";
import { getResource, publishResource, withdrawResource } from "../../data/resources";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { conditionsName, formatRoubles, kindBadge, quantityText } from "./labels";

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

function StatusNotice(props: { status: Listing["status"] }) {
  return (
    <Switch>
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
          <p>Объявление убрано из банка ресурсов. Если есть вопросы, напишите координаторам кластера.</p>
        </Alert>
      </Match>
    </Switch>
  );
}

function ListingView(props: { listing: Listing; canEdit: boolean }) {
  const listing = () => props.listing;
  const quantity = () => quantityText(listing().category, listing().quantity);
  return (
    <article class="profile">
      <p>
        <A href="/resources">← Банк ресурсов</A>
      </p>
      <PageTitle>{listing().title}</PageTitle>
      <p>
        <span class={`badge badge--${listing().kind}`}>{kindBadge[listing().kind]}</span>
      </p>
      <StatusNotice status={listing().status} />
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
            {(organisationId) => <A href={`/members/${organisationId()}`}>{listing().owner.name}</A>}
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
    </article>
  );
}

/** Publish, withdraw, edit: for the author, the organisation's representatives and coordinators. */
function Manage(props: { listing: Listing }) {
  const publish = useAction(publishResource);
  const withdraw = useAction(withdrawResource);
  const [busy, setBusy] = createSignal<"publish" | "withdraw">();
  const [message, setMessage] = createSignal<{ kind: "success" | "warning" | "error"; text: string }>();
  let box: HTMLDivElement | undefined;

  const show = (kind: "success" | "warning" | "error", text: string) => {
    setMessage({ kind, text });
    requestAnimationFrame(() => box?.focus());
  };

  async function change(which: "publish" | "withdraw") {
    if (busy()) return;
    setMessage(undefined);
    setBusy(which);
    try {
      if (which === "publish") await publish(props.listing.id, props.listing.version);
      else await withdraw(props.listing.id, props.listing.version);
      show("success", which === "publish" ? "Объявление опубликовано." : "Объявление снято с публикации.");
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

  const open = () => props.listing.status === "draft" || props.listing.status === "published";

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
          <A href={`/resources/${props.listing.id}/edit`} class="button button--secondary">
            Редактировать
          </A>
          <Button variant="secondary" pending={busy() === "withdraw"} onClick={() => change("withdraw")}>
            Снять с публикации
          </Button>
        </div>
      </Show>
    </>
  );
}

export function ListingNotFound() {
  return (
    <>
      <PageTitle>Объявление не найдено</PageTitle>
      <p>
        Возможно, ссылка устарела или объявление снято с публикации.{" "}
        <A href="/resources">Вернуться в банк ресурсов</A>
      </p>
    </>
  );
}
