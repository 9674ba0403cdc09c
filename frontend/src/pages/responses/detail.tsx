import { type Contact, PostMessage, type ResponseDetail } from "@cluster/core/resource/schema";
import { createAsync, useAction, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../data/api";
import {
  acceptResponse,
  cancelResponse,
  declineResponse,
  fulfilResponse,
  getResponse,
  postResponseMessage,
} from "../../data/resources";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { TextArea } from "../../ui/field";
import { issuesToFields } from "../../ui/form";
import { formatDate, formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";
import { kindBadge, responseStatusClass, responseStatusName } from "../resources/labels";

/** One response: the request, the decision, both sides' contacts once accepted, and the conversation. */
export default function ResponsePage() {
  const params = useParams<{ id: string }>();
  return (
    <SignInGate reason="Отклик видят только его участники: войдите по электронной почте." title="Отклик">
      <DataBoundary>
        <ResponseLoaded id={params.id} />
      </DataBoundary>
    </SignInGate>
  );
}

function ResponseLoaded(props: { id: string }) {
  const detail = createAsync(() => getResponse(props.id));
  return <Show when={detail()}>{(current) => <ResponseView detail={current()} />}</Show>;
}

function ResponseView(props: { detail: ResponseDetail }) {
  const r = () => props.detail.response;
  return (
    <article class="profile narrow">
      <p>
        <a href={`/resources/${r().listing.id}`}>← {r().listing.title}</a>
      </p>
      <PageTitle>
        Отклик: {r().listing.kind === "offer" ? "запрос на" : "помощь по"} «{r().listing.title}»
      </PageTitle>
      <p>
        <span class={`badge badge--${r().listing.kind}`}>{kindBadge[r().listing.kind]}</span>{" "}
        <span class={`status status--${responseStatusClass[r().status]}`}>
          {responseStatusName[r().status]}
        </span>
      </p>
      <dl class="facts">
        <dt>Автор объявления</dt>
        <dd>{r().listing.ownerName}</dd>
        <dt>Откликнулся</dt>
        <dd>{r().responder.name}</dd>
        <dt>Дата отклика</dt>
        <dd>{formatDate(r().createdAt)}</dd>
        <Show when={r().quantity}>
          <dt>Количество</dt>
          <dd>{r().quantity}</dd>
        </Show>
        <Show when={r().wantedFrom || r().wantedTo}>
          <dt>Даты</dt>
          <dd>
            {formatDate(r().wantedFrom)} – {formatDate(r().wantedTo)}
          </dd>
        </Show>
        <Show when={r().declineReason}>
          <dt>Причина отказа</dt>
          <dd>{r().declineReason}</dd>
        </Show>
      </dl>
      <section aria-labelledby="message-title">
        <h2 id="message-title">Сообщение</h2>
        <p class="description">{r().message}</p>
      </section>
      <Show when={r().role !== "responder"} fallback={<Withdraw detail={props.detail} />}>
        <Decide detail={props.detail} />
      </Show>
      <Show
        when={props.detail.contacts}
        fallback={
          <Show when={r().status === "pending"}>
            <p class="muted">Контакты друг друга появятся здесь, когда автор объявления примет отклик.</p>
          </Show>
        }
      >
        {(contacts) => (
          <section aria-labelledby="contacts-title" class="section">
            <h2 id="contacts-title">Контакты</h2>
            <div class="cards">
              <ContactCard title="Автор объявления" contact={contacts().owner} />
              <ContactCard title="Откликнулся" contact={contacts().responder} />
            </div>
          </section>
        )}
      </Show>
      <Conversation detail={props.detail} />
    </article>
  );
}

function ContactCard(props: { title: string; contact: Contact }) {
  return (
    <div class="card">
      <h3>{props.title}</h3>
      <p>
        {props.contact.name}
        <Show when={props.contact.organisation}> ({props.contact.organisation})</Show>
      </p>
      <p>
        <a href={`mailto:${props.contact.email}`}>{props.contact.email}</a>
      </p>
      <Show when={props.contact.phone}>
        <p>
          <a href={`tel:${props.contact.phone}`}>{props.contact.phone}</a>
        </p>
      </Show>
    </div>
  );
}

function Decide(props: { detail: ResponseDetail }) {
  const accept = useAction(acceptResponse);
  const decline = useAction(declineResponse);
  const fulfil = useAction(fulfilResponse);
  const [reason, setReason] = createSignal("");
  const [busy, setBusy] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const r = () => props.detail.response;

  async function run(step: "accept" | "decline" | "fulfil") {
    if (busy()) return;
    setProblem(undefined);
    setBusy(step);
    try {
      const input = {
        version: r().version,
        ...(step === "decline" && reason().trim() ? { reason: reason() } : {}),
      };
      await { accept, decline, fulfil }[step](r().id, input);
    } catch (error) {
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось выполнить действие. Попробуйте ещё раз.",
      );
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Show when={r().status === "pending" || r().status === "accepted"}>
      <section aria-labelledby="decide-title" class="section panel">
        <h2 id="decide-title">{r().status === "pending" ? "Ваше решение" : "Передача"}</h2>
        <ProblemAlert message={problem()} />
        <Show when={r().status === "pending"}>
          <TextArea
            name="declineReason"
            label="Причина, если отклоняете (необязательно)"
            rows={2}
            value={reason()}
            onValue={setReason}
          />
          <div class="actions">
            <Button pending={busy() === "accept"} onClick={() => run("accept")}>
              Принять
            </Button>
            <Button variant="secondary" pending={busy() === "decline"} onClick={() => run("decline")}>
              Отклонить
            </Button>
          </div>
        </Show>
        <Show when={r().status === "accepted"}>
          <p>Когда ресурс будет передан, отметьте это: передача попадёт в реестр вклада участников.</p>
          <div class="actions">
            <Button pending={busy() === "fulfil"} onClick={() => run("fulfil")}>
              Отметить: передано
            </Button>
          </div>
        </Show>
      </section>
    </Show>
  );
}

/** The responder may withdraw while the response is pending or accepted. */
function Withdraw(props: { detail: ResponseDetail }) {
  const cancel = useAction(cancelResponse);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const r = () => props.detail.response;

  async function onCancel() {
    if (busy()) return;
    setProblem(undefined);
    setBusy(true);
    try {
      await cancel(r().id, { version: r().version });
    } catch (error) {
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось отозвать отклик. Попробуйте ещё раз.",
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={r().status === "pending" || r().status === "accepted"}>
      <ProblemAlert message={problem()} />
      <div class="actions">
        <Button variant="secondary" pending={busy()} onClick={onCancel}>
          Отозвать отклик
        </Button>
      </div>
    </Show>
  );
}

function Conversation(props: { detail: ResponseDetail }) {
  const post = useAction(postResponseMessage);
  const [text, setText] = createSignal("");
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const closed = () => ["declined", "cancelled"].includes(props.detail.response.status);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const parsed = PostMessage.safeParse({ text: text() });
    if (!parsed.success) {
      setError(issuesToFields(parsed.error.issues).text);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await post(props.detail.response.id, parsed.data.text);
      setText("");
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Не удалось отправить сообщение.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="thread-title" class="section">
      <h2 id="thread-title">Переписка</h2>
      <Show when={props.detail.messages.length > 0} fallback={<p class="muted">Сообщений пока нет.</p>}>
        <ol class="plain-list thread">
          <For each={props.detail.messages}>
            {(message) => (
              <li class="card" classList={{ "thread-mine": message.mine }}>
                <p class="result-meta">
                  {message.mine ? "Вы" : message.author}, {formatDateTime(message.createdAt)}
                </p>
                <p class="description">{message.text}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={!closed()}>
        <form class="form" onSubmit={onSubmit} noValidate>
          <TextArea
            name="text"
            label="Новое сообщение"
            hint="Собеседник получит его письмом."
            rows={3}
            value={text()}
            onValue={setText}
            error={error()}
          />
          <div class="actions">
            <Button type="submit" pending={busy()}>
              Отправить
            </Button>
          </div>
        </form>
      </Show>
    </section>
  );
}
