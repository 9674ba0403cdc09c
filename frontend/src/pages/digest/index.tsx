import { Subscribe, UpdatePreferences } from "@cluster/core/digest/schema";
import { createAsync, useAction, useSearchParams, useSubmission } from "@solidjs/router";
import { createEffect, createSignal, type JSX, Match, Show, Suspense, Switch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import {
  getDigestByToken,
  getMyDigest,
  type Preferences,
  type SubscriptionView,
  saveDigestByToken,
  saveMyDigest,
  subscribe,
} from "../../data/digests";
import { useSession } from "../../providers/session";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { TextField } from "../../ui/field";
import { issuesToFields } from "../../ui/form";
import { PageTitle } from "../../ui/page-title";
import { Loading } from "../../ui/status";
import { defaultPreferences, labels, nextDigestText, PreferenceFields } from "./preferences";

/**
 * /digest: a guest subscribes with an address (a confirmation letter follows), a signed-in
 * person subscribes with their account's address, and a letter's link (?token=) opens that
 * subscription's preferences without a login.
 */
export default function DigestPage() {
  const [search] = useSearchParams<{ token?: string }>();
  const { session } = useSession();
  return (
    <div class="narrow">
      <PageTitle>Дайджест на почту</PageTitle>
      <p class="lead">
        Новое в Банке ресурсов, ответы на вопросы НКО и новые участники кластера — одним письмом, когда вам
        удобно. Пустых писем не присылаем.
      </p>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={search.token}>{(token) => <ByToken token={token()} />}</Match>
          <Match when={session()?.account}>
            <Mine />
          </Match>
          <Match when={session()}>
            <Guest />
          </Match>
        </Switch>
      </Suspense>
    </div>
  );
}

function usePreferenceForm() {
  const [form, setForm] = createStore<Preferences>(defaultPreferences());
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  let summary: HTMLElement | undefined;
  const fail = (error: unknown, fallback: string) => {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      setErrors(error.fields);
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    setProblem(error instanceof ApiError ? error.message : fallback);
  };
  const invalid = (fields: FieldErrors) => {
    setErrors(fields);
    requestAnimationFrame(() => summary?.focus());
  };
  return {
    form,
    setForm,
    errors,
    setErrors,
    problem,
    setProblem,
    fail,
    invalid,
    summaryRef: (element: HTMLElement) => {
      summary = element;
    },
  };
}

function Guest() {
  const state = usePreferenceForm();
  const [email, setEmail] = createSignal("");
  const [sent, setSent] = createSignal(false);
  const send = useAction(subscribe);
  const submission = useSubmission(subscribe);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    state.setProblem(undefined);
    const parsed = Subscribe.safeParse({ ...state.form, email: email() });
    if (!parsed.success) return state.invalid(issuesToFields(parsed.error.issues));
    state.setErrors({});
    try {
      await send(parsed.data);
      setSent(true);
    } catch (error) {
      state.fail(error, "Не удалось оформить подписку. Попробуйте ещё раз.");
    }
  }

  return (
    <Show
      when={!sent()}
      fallback={
        <Alert kind="success" title="Проверьте почту">
          <p>
            Мы отправили письмо на {email()}. Откройте ссылку из него, чтобы подтвердить подписку. Если письма
            нет, проверьте папку «Спам».
          </p>
        </Alert>
      }
    >
      <p>
        Есть учётная запись? <a href="/login?next=/digest">Войдите</a> — подтверждать адрес не понадобится.
      </p>
      <form class="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={state.errors()} labels={labels} ref={state.summaryRef} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autocomplete="email"
          value={email()}
          onValue={setEmail}
          error={state.errors().email}
        />
        <PreferenceFields value={state.form} set={state.setForm} errors={state.errors()} />
        <ProblemAlert message={state.problem()} />
        <Button type="submit" pending={submission.pending}>
          Подписаться
        </Button>
      </form>
    </Show>
  );
}

function Mine() {
  const current = createAsync(() => getMyDigest());
  const save = useAction(saveMyDigest);
  const submission = useSubmission(saveMyDigest);
  return (
    <Show when={current()} fallback={<Loading />}>
      {(loaded) => (
        <Editor
          subscription={loaded().subscription ?? undefined}
          intro={
            loaded().subscription?.status === "active" ? undefined : (
              <p>Дайджест придёт на адрес вашей учётной записи; подтверждать его не нужно.</p>
            )
          }
          action={loaded().subscription?.status === "active" ? "Сохранить" : "Подписаться"}
          pending={submission.pending ?? false}
          onSave={(input) => save(input)}
        />
      )}
    </Show>
  );
}

function ByToken(props: { token: string }) {
  const current = createAsync(() => getDigestByToken(props.token));
  const save = useAction(saveDigestByToken);
  const submission = useSubmission(saveDigestByToken);
  return (
    <Show when={current()} fallback={<Loading />}>
      {(loaded) => (
        <Editor
          subscription={loaded()}
          action={loaded().status === "active" ? "Сохранить" : "Возобновить подписку"}
          pending={submission.pending ?? false}
          onSave={(input) => save(props.token, input)}
          unsubscribeHref={`/digest/unsubscribe?token=${encodeURIComponent(props.token)}`}
        />
      )}
    </Show>
  );
}

const statusText: Record<SubscriptionView["status"], string> = {
  active: "Подписка действует.",
  pending: "Адрес ещё не подтверждён: откройте ссылку из письма.",
  unsubscribed: "Вы отписаны: писем не будет, пока вы не возобновите подписку.",
  suppressed:
    "Письма на этот адрес не доходят, и мы перестали их отправлять. Подпишитесь заново — придёт письмо для подтверждения.",
  dormant: "Мы приостановили рассылку: дайджест давно не открывали.",
};

function Editor(props: {
  subscription?: SubscriptionView;
  intro?: JSX.Element;
  action: string;
  pending: boolean;
  onSave: (input: UpdatePreferences) => Promise<SubscriptionView>;
  unsubscribeHref?: string;
}) {
  const state = usePreferenceForm();
  const [saved, setSaved] = createSignal<SubscriptionView | undefined>(props.subscription);
  const [done, setDone] = createSignal(false);
  createEffect(() => {
    const current = props.subscription;
    if (current) state.setForm(reconcile({ ...defaultPreferences(), ...pick(current) }));
  });

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (props.pending) return;
    state.setProblem(undefined);
    setDone(false);
    const parsed = UpdatePreferences.safeParse({ ...state.form, version: saved()?.version ?? 1 });
    if (!parsed.success) return state.invalid(issuesToFields(parsed.error.issues));
    state.setErrors({});
    try {
      setSaved(await props.onSave(parsed.data));
      setDone(true);
    } catch (error) {
      state.fail(error, "Не удалось сохранить настройки. Попробуйте ещё раз.");
    }
  }

  return (
    <>
      <Show when={saved()}>
        {(subscription) => (
          <Alert kind={subscription().status === "active" ? "info" : "warning"}>
            <p>
              {subscription().email}: {statusText[subscription().status]}
            </p>
            <Show when={subscription().status === "active" && nextDigestText(subscription().nextDueAt)}>
              {(text) => <p>{text()}</p>}
            </Show>
          </Alert>
        )}
      </Show>
      {props.intro}
      <form class="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={state.errors()} labels={labels} ref={state.summaryRef} />
        <PreferenceFields value={state.form} set={state.setForm} errors={state.errors()} />
        <ProblemAlert message={state.problem()} />
        <Show when={done()}>
          <Alert kind="success">
            <p>Настройки сохранены.</p>
          </Alert>
        </Show>
        <Button type="submit" pending={props.pending}>
          {props.action}
        </Button>
      </form>
      <Show when={props.unsubscribeHref && saved()?.status === "active"}>
        <p>
          <a href={props.unsubscribeHref!}>Отписаться от дайджеста</a>
        </p>
      </Show>
    </>
  );
}

const pick = (view: SubscriptionView): Preferences =>
  ({
    frequency: view.frequency,
    weekday: view.weekday,
    hour: view.hour,
    topics: view.topics,
    categories: view.categories,
    consultationTopics: view.consultationTopics,
    municipalities: view.municipalities,
  }) as Preferences;
