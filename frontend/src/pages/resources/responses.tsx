import type { Listing, ResponseView } from "@cluster/core/resource/schema";
import { createAsync, revalidate, useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../data/api";
import {
  acceptResponse,
  declineResponse,
  fulfilResponse,
  getResource,
  getResponsesTo,
} from "../../data/resources";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { formatDate } from "../../ui/format";
import { DataBoundary } from "../../ui/status";
import { responseStatusClass, responseStatusName } from "./labels";

/** The owner's list of responses to a listing, with accept, decline and "handed over" on each. */
export function OwnerResponses(props: { listing: Listing }) {
  return (
    <section aria-labelledby="responses-title" class="section">
      <h2 id="responses-title">Отклики</h2>
      <DataBoundary loading="Загружаем отклики…">
        <ResponseList listing={props.listing} />
      </DataBoundary>
    </section>
  );
}

function ResponseList(props: { listing: Listing }) {
  const responses = createAsync(() => getResponsesTo(props.listing.id));
  return (
    <Show when={(responses()?.items.length ?? 0) > 0} fallback={<p>Откликов пока нет.</p>}>
      <ul class="plain-list result-list">
        <For each={responses()?.items}>
          {(response) => <ResponseCard listing={props.listing} response={response} />}
        </For>
      </ul>
    </Show>
  );
}

function ResponseCard(props: { listing: Listing; response: ResponseView }) {
  const accept = useAction(acceptResponse);
  const decline = useAction(declineResponse);
  const fulfil = useAction(fulfilResponse);
  const [busy, setBusy] = createSignal<"accept" | "decline" | "fulfil">();
  const [problem, setProblem] = createSignal<string>();
  const r = () => props.response;
  const titleId = () => `response-${r().id}`;

  async function run(step: "accept" | "decline" | "fulfil") {
    if (busy()) return;
    setProblem(undefined);
    setBusy(step);
    try {
      const act = step === "accept" ? accept : step === "decline" ? decline : fulfil;
      await act(r().id, { version: r().version });
    } catch (error) {
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось выполнить действие. Попробуйте ещё раз.",
      );
      if (error instanceof ApiError && error.status === 409) {
        await revalidate([getResponsesTo.keyFor(props.listing.id), getResource.keyFor(props.listing.id)]);
      }
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <li class="result" aria-labelledby={titleId()}>
      <h3 id={titleId()} class="result-title">
        <a href={`/responses/${r().id}`}>{r().responder.name}</a>{" "}
        <span class={`status status--${responseStatusClass[r().status]}`}>
          {responseStatusName[r().status]}
        </span>
      </h3>
      <p class="result-meta">
        {formatDate(r().createdAt)}
        <Show when={r().quantity}> · количество: {r().quantity}</Show>
        <Show when={r().wantedFrom || r().wantedTo}>
          {" "}
          · даты: {formatDate(r().wantedFrom)}–{formatDate(r().wantedTo)}
        </Show>
      </p>
      <p class="result-short">{r().message}</p>
      <ProblemAlert message={problem()} />
      <div class="actions">
        <Show when={r().status === "pending"}>
          <Button pending={busy() === "accept"} onClick={() => run("accept")} aria-describedby={titleId()}>
            Принять
          </Button>
          <Button
            variant="secondary"
            pending={busy() === "decline"}
            onClick={() => run("decline")}
            aria-describedby={titleId()}
          >
            Отклонить
          </Button>
        </Show>
        <Show when={r().status === "accepted"}>
          <Button pending={busy() === "fulfil"} onClick={() => run("fulfil")} aria-describedby={titleId()}>
            Отметить: передано
          </Button>
        </Show>
        <a href={`/responses/${r().id}`} class="button button--secondary" aria-describedby={titleId()}>
          Переписка
        </a>
      </div>
    </li>
  );
}
