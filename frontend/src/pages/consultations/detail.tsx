import type { PostView, QuestionDetail } from "@cluster/core/consultation/schema";
import { consultationTopicName } from "@cluster/core/reference";
import { createAsync, useAction, useParams } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import { ApiError } from "../../data/api";
import {
  answerQuestion,
  editAnswer,
  followUp,
  getAnswerers,
  getQuestion,
  reassignQuestion,
  solveQuestion,
  takeQuestion,
} from "../../data/consultations";
import { useSession } from "../../providers/session";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { RadioGroup } from "../../ui/choice-group";
import { TextArea } from "../../ui/field";
import { formatDateTime } from "../../ui/format";
import { PageTitle, useMetaDescription } from "../../ui/page-title";
import { Select } from "../../ui/select";
import { DataBoundary } from "../../ui/status";
import { dueText, questionStatusClass, questionStatusName } from "./labels";

export default function QuestionPage() {
  const params = useParams<{ id: string }>();
  const detail = createAsync(() => getQuestion(params.id));
  return (
    <DataBoundary>
      <Show when={detail() !== undefined}>
        <Show
          when={detail()}
          fallback={
            <>
              <PageTitle>Вопрос не найден</PageTitle>
              <p>
                Возможно, вопрос закрытый или ещё без ответа. <a href="/consultations">К базе ответов</a>
              </p>
            </>
          }
        >
          {(current) => <Question detail={current()} />}
        </Show>
      </Show>
    </DataBoundary>
  );
}

function Question(props: { detail: QuestionDetail }) {
  const { hasRole } = useSession();
  const q = () => props.detail.question;
  useMetaDescription(() => `${consultationTopicName[q().topic]}: ${q().text.slice(0, 150)}`);
  const answers = () => props.detail.posts.filter((post) => post.kind === "answer");
  return (
    <article class="profile narrow">
      <p>
        <a href="/consultations">← Консультации</a>
      </p>
      <PageTitle>{q().title}</PageTitle>
      <p>
        <span class={`status status--${questionStatusClass[q().status]}`}>
          {questionStatusName[q().status]}
        </span>
        <Show when={q().overdue}>
          {" "}
          <span class="status status--rejected">Срок ответа прошёл</span>
        </Show>
      </p>
      <dl class="facts">
        <dt>Тема</dt>
        <dd>{consultationTopicName[q().topic]}</dd>
        <dt>Кому</dt>
        <dd>{q().body?.name ?? "Экспертам по теме"}</dd>
        <Show when={q().askerOrganisation}>
          <dt>Спрашивает</dt>
          <dd>{q().askerOrganisation}</dd>
        </Show>
        <dt>Задан</dt>
        <dd>{formatDateTime(q().createdAt)}</dd>
        <Show when={q().status === "open"}>
          <dt>Ответ</dt>
          <dd>{dueText(q().dueAt)}</dd>
        </Show>
        <Show when={q().assignee}>
          <dt>Отвечает</dt>
          <dd>{q().assignee}</dd>
        </Show>
        <Show when={q().visibility === "private"}>
          <dt>Доступ</dt>
          <dd>Закрытый вопрос</dd>
        </Show>
      </dl>
      <section aria-labelledby="question-text-title">
        <h2 id="question-text-title">Вопрос</h2>
        <p class="description">{q().text}</p>
        <Show when={q().links.length > 0}>
          <ul>
            <For each={q().links}>
              {(link) => (
                <li>
                  <a href={link} rel="external noopener noreferrer nofollow">
                    {link}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={q().may.take}>
        <Take id={q().id} version={q().version} />
      </Show>
      <Show when={hasRole("coordinator") && q().status === "open"}>
        <Suspense>
          <Reassign id={q().id} version={q().version} />
        </Suspense>
      </Show>
      <section aria-labelledby="thread-title" class="section">
        <h2 id="thread-title">Ответы</h2>
        <Show when={props.detail.posts.length > 0} fallback={<p class="muted">Ответа пока нет.</p>}>
          <ol class="plain-list thread">
            <For each={props.detail.posts}>
              {(post) => (
                <Post
                  questionId={q().id}
                  post={post}
                  solution={post.id === q().solutionPostId}
                  rating={q().rating}
                />
              )}
            </For>
          </ol>
        </Show>
      </section>
      <Show when={q().may.answer}>
        <Compose id={q().id} label="Ваш ответ" submit="Отправить ответ" kind="answer" />
      </Show>
      <Show when={q().may.solve && answers().length > 0}>
        <Solve detail={props.detail} />
      </Show>
      <Show when={q().may.followUp}>
        <Compose id={q().id} label="Уточняющий вопрос" submit="Задать уточнение" kind="followup" />
      </Show>
    </article>
  );
}

function Post(props: { questionId: string; post: PostView; solution: boolean; rating?: number }) {
  const [editing, setEditing] = createSignal(false);
  const p = () => props.post;
  return (
    <li class="card" classList={{ "thread-mine": p().mine }}>
      <p class="result-meta">
        <Show when={p().kind === "answer"} fallback="Уточнение автора вопроса">
          {p().author}
          <Show when={p().officialOf}>{(body) => <> — официальный ответ: {body()}</>}</Show>
        </Show>
        , {formatDateTime(p().createdAt)}
        <Show when={props.solution}>
          {" "}
          <span class="status status--approved">
            Решение{props.rating ? `, оценка ${props.rating} из 5` : ""}
          </span>
        </Show>
      </p>
      <Show when={editing()} fallback={<p class="description">{p().text}</p>}>
        <Compose
          id={props.questionId}
          postId={p().id}
          initial={p().text}
          label="Исправленный ответ"
          submit="Сохранить"
          kind="edit"
          onDone={() => setEditing(false)}
        />
      </Show>
      <Show when={p().history.length > 0}>
        <details>
          <summary>Изменён {formatDateTime(p().editedAt)}: история правок</summary>
          <ol class="plain-list">
            <For each={p().history}>
              {(entry) => (
                <li>
                  <p class="result-meta">
                    {entry.editor}, {formatDateTime(entry.editedAt)}
                  </p>
                  <p class="description">{entry.text}</p>
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
      <Show when={p().mine && p().kind === "answer" && !props.solution && !editing()}>
        <Button variant="link" onClick={() => setEditing(true)}>
          Изменить ответ
        </Button>
      </Show>
    </li>
  );
}

/** A coordinator gives the question to one of its answerers. */
function Reassign(props: { id: string; version: number }) {
  const people = createAsync(() => getAnswerers(props.id));
  const assign = useAction(reassignQuestion);
  const [chosen, setChosen] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    if (!chosen()) {
      setProblem("Выберите, кому назначить");
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await assign(props.id, chosen(), props.version);
    } catch (error) {
      setProblem(
        error instanceof ApiError
          ? (Object.values(error.fields)[0] ?? error.message)
          : "Не удалось назначить.",
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="reassign-title" class="section panel">
      <h2 id="reassign-title">Назначить отвечающего</h2>
      <form class="form" onSubmit={onSubmit} noValidate>
        <Select
          name="accountId"
          label="Кому"
          placeholder={(people()?.items.length ?? 0) > 0 ? "Выберите" : "Некому: нет отвечающих по теме"}
          options={(people()?.items ?? []).map((person) => ({ value: person.id, label: person.name }))}
          value={chosen()}
          onValue={setChosen}
        />
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button type="submit" variant="secondary" pending={busy()}>
            Назначить
          </Button>
        </div>
      </form>
    </section>
  );
}

function Take(props: { id: string; version: number }) {
  const take = useAction(takeQuestion);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  async function onTake() {
    if (busy()) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await take(props.id, props.version);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "Не удалось взять вопрос.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="actions">
      <ProblemAlert message={problem()} />
      <Button pending={busy()} onClick={onTake}>
        Беру в работу
      </Button>
    </div>
  );
}

function Compose(props: {
  id: string;
  kind: "answer" | "followup" | "edit";
  label: string;
  submit: string;
  postId?: string;
  initial?: string;
  onDone?: () => void;
}) {
  const answer = useAction(answerQuestion);
  const ask = useAction(followUp);
  const edit = useAction(editAnswer);
  const [text, setText] = createSignal(props.initial ?? "");
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    if (!text().trim()) {
      setError("Напишите текст");
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      if (props.kind === "answer") await answer(props.id, text());
      else if (props.kind === "followup") await ask(props.id, text());
      else await edit(props.id, props.postId ?? "", text());
      setText("");
      props.onDone?.();
    } catch (failure) {
      setError(
        failure instanceof ApiError ? (failure.fields.text ?? failure.message) : "Не удалось отправить.",
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <TextArea
        name={`${props.kind}-${props.postId ?? "new"}`}
        label={props.label}
        rows={props.kind === "answer" ? 8 : 4}
        value={text()}
        onValue={setText}
        error={error()}
      />
      <div class="actions">
        <Button type="submit" pending={busy()}>
          {props.submit}
        </Button>
      </div>
    </form>
  );
}

function Solve(props: { detail: QuestionDetail }) {
  const solve = useAction(solveQuestion);
  const answers = () => props.detail.posts.filter((post) => post.kind === "answer");
  const [postId, setPostId] = createSignal(answers().at(-1)?.id ?? "");
  const [rating, setRating] = createSignal("5");
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await solve(props.detail.question.id, {
        postId: postId(),
        rating: Number(rating()),
        version: props.detail.question.version,
      });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "Не удалось сохранить.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="solve-title" class="section panel">
      <h2 id="solve-title">Вопрос решён?</h2>
      <form class="form" onSubmit={onSubmit} noValidate>
        <Show when={answers().length > 1}>
          <RadioGroup
            name="postId"
            legend="Какой ответ помог"
            options={answers().map((post, index) => ({
              value: post.id,
              label: `Ответ ${index + 1}: ${post.author}`,
            }))}
            value={postId()}
            onValue={setPostId}
          />
        </Show>
        <RadioGroup
          name="rating"
          legend="Оценка ответа"
          options={["5", "4", "3", "2", "1"].map((value) => ({ value, label: value }))}
          value={rating()}
          onValue={setRating}
        />
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button type="submit" pending={busy()}>
            Отметить решённым
          </Button>
        </div>
      </form>
    </section>
  );
}
