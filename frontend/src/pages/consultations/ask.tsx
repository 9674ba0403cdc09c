import { AskQuestion } from "@cluster/core/consultation/schema";
import { createAsync, useAction, useNavigate, useSubmission } from "@solidjs/router";
import { createEffect, createSignal, For, Show, Suspense } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { askQuestion, getKnowledge } from "../../data/consultations";
import { getMembers } from "../../data/members";
import { useSession } from "../../providers/session";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { RadioGroup } from "../../ui/choice-group";
import { ErrorSummary } from "../../ui/error-summary";
import { Checkbox, TextArea, TextField } from "../../ui/field";
import { issuesToFields } from "../../ui/form";
import { PageTitle } from "../../ui/page-title";
import { Select } from "../../ui/select";
import { SignInGate } from "../login/gate";
import { topicOptions } from "./labels";

const self = "self";

const labels = {
  organisationId: "От чьего имени",
  topic: "Тема",
  bodyId: "Орган власти",
  title: "Вопрос кратко",
  text: "Подробности",
  links: "Ссылки на документы",
  visibility: "Публикация",
};

type Form = {
  owner: string;
  topic: string;
  to: "experts" | "authority";
  bodyId: string;
  title: string;
  text: string;
  links: string;
  visibility: "public" | "private";
  showOrganisation: boolean;
};

export default function AskPage() {
  // Above the sign-in gate: what was typed survives a sign-in on the way.
  const [form, setForm] = createStore<Form>({
    owner: "",
    topic: "",
    to: "experts",
    bodyId: "",
    title: "",
    text: "",
    links: "",
    visibility: "public",
    showOrganisation: true,
  });
  return (
    <div class="narrow">
      <PageTitle>Задать вопрос</PageTitle>
      <p class="lead">
        Эксперт по теме ответит в течение двух рабочих дней; орган власти — в течение 30 дней (59-ФЗ). Вы
        получите ответ письмом и сможете задать уточняющий вопрос.
      </p>
      <SignInGate reason="Чтобы задать вопрос, войдите по электронной почте.">
        <AskForm form={form} setForm={setForm} />
      </SignInGate>
    </div>
  );
}

/** The longest word of the title: what "similar answered questions" searches for. */
const keyword = (title: string) =>
  title
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 5)
    .sort((a, b) => b.length - a.length)[0];

function Similar(props: { title: string }) {
  const [word, setWord] = createSignal<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(() => {
    const next = keyword(props.title);
    clearTimeout(timer);
    timer = setTimeout(() => setWord(next), 400);
  });
  const found = createAsync(async () => {
    const q = word();
    return q ? getKnowledge({ q }, undefined, 5) : undefined;
  });
  return (
    <Show when={(found()?.items.length ?? 0) > 0}>
      <section aria-labelledby="similar-title" class="panel" aria-live="polite">
        <h2 id="similar-title">Похожие вопросы с ответами</h2>
        <ul class="plain-list">
          <For each={found()?.items}>
            {(entry) => (
              <li>
                <a href={`/consultations/${entry.id}`} target="_blank" rel="noopener">
                  {entry.title}
                </a>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

function AskForm(props: { form: Form; setForm: (key: keyof Form, value: Form[keyof Form]) => void }) {
  const { session } = useSession();
  const navigate = useNavigate();
  const organisations = () => (session()?.memberships ?? []).filter((m) => m.status === "approved");
  const bodies = createAsync(() => getMembers({ kind: "authority" }));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const ask = useAction(askQuestion);
  const submission = useSubmission(askQuestion);
  let summary: HTMLElement | undefined;
  const f = () => props.form;

  createEffect(() => {
    if (!f().owner) props.setForm("owner", organisations()[0]?.organisationId ?? self);
  });

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setProblem(undefined);
    const parsed = AskQuestion.safeParse({
      topic: f().topic,
      title: f().title,
      text: f().text,
      links: f()
        .links.split(/\s+/)
        .map((link) => link.trim())
        .filter(Boolean),
      bodyId: f().to === "authority" ? f().bodyId || "" : undefined,
      visibility: f().visibility,
      organisationId: f().owner === self ? undefined : f().owner,
      showOrganisation: f().showOrganisation,
    });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    setErrors({});
    try {
      const question = await ask(parsed.data);
      if (question) navigate(`/consultations/${question.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        requestAnimationFrame(() => summary?.focus());
        return;
      }
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось отправить вопрос. Попробуйте ещё раз.",
      );
    }
  }

  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors()} labels={labels} ref={(el) => (summary = el)} />
      <Select
        name="organisationId"
        label={labels.organisationId}
        options={[
          ...organisations().map((o) => ({ value: o.organisationId, label: o.name })),
          { value: self, label: "От себя (частное лицо)" },
        ]}
        value={f().owner}
        onValue={(value) => props.setForm("owner", value)}
        error={errors().organisationId}
      />
      <Select
        name="topic"
        label={labels.topic}
        placeholder="Выберите тему"
        options={topicOptions}
        value={f().topic}
        onValue={(value) => props.setForm("topic", value)}
        error={errors().topic}
      />
      <RadioGroup
        name="to"
        legend="Кому адресован вопрос"
        options={[
          { value: "experts", label: "Экспертам по теме" },
          { value: "authority", label: "Органу власти (официальный ответ)" },
        ]}
        value={f().to}
        onValue={(value) => props.setForm("to", value as Form["to"])}
      />
      <Show when={f().to === "authority"}>
        <Suspense fallback={<p class="muted">Загружаем органы власти…</p>}>
          <Select
            name="bodyId"
            label={labels.bodyId}
            placeholder="Выберите орган власти"
            options={(bodies()?.items ?? []).map((body) => ({
              value: body.id,
              label: body.shortName ?? body.name,
            }))}
            value={f().bodyId}
            onValue={(value) => props.setForm("bodyId", value)}
            error={errors().bodyId}
          />
        </Suspense>
      </Show>
      <TextField
        name="title"
        label={labels.title}
        hint="Одной фразой: о чём вопрос"
        value={f().title}
        onValue={(value) => props.setForm("title", value)}
        error={errors().title}
      />
      {/* Its own boundary: a search in flight must not suspend the form around it. */}
      <Suspense>
        <Similar title={f().title} />
      </Suspense>
      <TextArea
        name="text"
        label={labels.text}
        hint="Опишите ситуацию: что уже сделано, какие документы есть. Не указывайте лишних персональных данных."
        rows={8}
        value={f().text}
        onValue={(value) => props.setForm("text", value)}
        error={errors().text}
      />
      <TextArea
        name="links"
        label={`${labels.links} (необязательно)`}
        hint="Каждая ссылка с новой строки, не больше пяти"
        rows={2}
        value={f().links}
        onValue={(value) => props.setForm("links", value)}
        error={errors().links ?? Object.entries(errors()).find(([key]) => key.startsWith("links."))?.[1]}
      />
      <RadioGroup
        name="visibility"
        legend={labels.visibility}
        options={[
          { value: "public", label: "Открытый вопрос: после ответа попадёт в базу ответов" },
          { value: "private", label: "Закрытый: видят только вы и отвечающий" },
        ]}
        value={f().visibility}
        onValue={(value) => props.setForm("visibility", value as Form["visibility"])}
        error={errors().visibility}
      />
      <Show when={f().visibility === "public" && f().owner !== self}>
        <Checkbox
          name="showOrganisation"
          label="Показывать название организации в базе ответов"
          checked={f().showOrganisation}
          onChecked={(checked) => props.setForm("showOrganisation", checked)}
        />
      </Show>
      <ProblemAlert message={problem()} />
      <div class="actions">
        <Button type="submit" pending={submission.pending}>
          Отправить вопрос
        </Button>
      </div>
    </form>
  );
}
