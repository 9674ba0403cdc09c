import { CreateMaterial, type MaterialDetail, UpdateMaterial } from "@cluster/core/material/schema";
import { consultationTopics, spheres } from "@cluster/core/reference";
import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { uploadDocument } from "../../data/materials";
import { useSession } from "../../providers/session";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { CheckboxGroup, RadioGroup } from "../../ui/choice-group";
import { ErrorSummary } from "../../ui/error-summary";
import { TextArea, TextField } from "../../ui/field";
import { blankToUndefined, errorUnder, issuesToFields } from "../../ui/form";
import { Select } from "../../ui/select";
import { DocumentField, documentProblem, onFileField } from "./document-field";
import { kindOptions } from "./labels";

const labels: Record<string, string> = {
  organisationId: "От организации",
  kind: "Вид",
  title: "Название",
  summary: "Кратко",
  topic: "Тема",
  spheres: "Сферы",
  authors: "Авторы",
  edition: "Версия",
  audience: "Кому доступен",
  body: "Текст статьи",
  url: "Адрес",
  uploadId: "Файл документа",
};

const audienceOptions = [
  { value: "public", label: "Всем" },
  { value: "members", label: "Только участникам кластера" },
];

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A new material's form, or an existing one's (`initial`, whose kind stays). A file is uploaded
 * straight to the files bucket on submit, then the material is saved with its ticket.
 */
export function MaterialForm(props: {
  initial?: MaterialDetail;
  submitLabel: (publishes: boolean) => string;
  save: (input: CreateMaterial | UpdateMaterial) => Promise<MaterialDetail | undefined>;
}) {
  const { session, hasRole } = useSession();
  const navigate = useNavigate();
  const publishes = () => hasRole("coordinator") || hasRole("expert");
  const organisations = () => (session()?.memberships ?? []).filter((m) => m.status === "approved");
  const [form, setForm] = createStore({
    organisationId: "",
    kind: (props.initial?.kind ?? "article") as MaterialDetail["kind"],
    title: props.initial?.title ?? "",
    summary: props.initial?.summary ?? "",
    topic: props.initial?.topic ?? "",
    spheres: [...(props.initial?.spheres ?? [])] as string[],
    authors: (props.initial?.authors ?? [])
      .filter((name) => !(props.initial?.createdBy.expert && name === props.initial.createdBy.name))
      .join("\n"),
    edition: props.initial?.edition ?? "",
    audience: props.initial?.audience ?? "public",
    body: props.initial?.body ?? "",
    url: props.initial?.url ?? "",
  });
  const [file, setFile] = createSignal<File>();
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  let summary: HTMLElement | undefined;
  const organisation = () => form.organisationId || organisations()[0]?.organisationId || "";

  const showErrors = (fields: FieldErrors) => {
    setErrors(fields);
    requestAnimationFrame(() => summary?.focus());
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (pending()) return;
    setProblem(undefined);
    const fields = {
      kind: form.kind,
      title: form.title,
      summary: form.summary,
      topic: form.topic,
      spheres: form.spheres,
      authors: lines(form.authors),
      edition: blankToUndefined(form.edition),
      audience: form.audience,
      body: form.kind === "article" ? form.body : undefined,
      url: form.kind === "link" || form.kind === "video" ? blankToUndefined(form.url) : undefined,
    };
    const creatingFile = !props.initial && form.kind === "file";
    const fileProblem = creatingFile ? documentProblem(file()) : undefined;
    // A placeholder ticket lets the schema check the other fields before anything is uploaded.
    const parsed = props.initial
      ? UpdateMaterial.safeParse({ ...fields, version: props.initial.version })
      : CreateMaterial.safeParse({
          ...fields,
          uploadId: creatingFile ? "0".repeat(26) : undefined,
          organisationId: publishes() ? undefined : organisation() || undefined,
        });
    if (!parsed.success || fileProblem) {
      showErrors({
        ...(parsed.success ? {} : issuesToFields(parsed.error.issues)),
        ...(fileProblem ? { uploadId: fileProblem } : {}),
      });
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const input = creatingFile
        ? {
            ...(parsed.data as CreateMaterial),
            uploadId: await uploadDocument(file()!),
          }
        : parsed.data;
      const saved = await props.save(input);
      if (saved) navigate(`/materials/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        showErrors(onFileField(error.fields));
        return;
      }
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось сохранить материал. Попробуйте ещё раз.",
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <Show
      when={props.initial || publishes() || organisations().length > 0}
      fallback={
        <p>
          Предложить материал может организация — участник кластера. <a href="/join">Вступить в кластер</a>
        </p>
      }
    >
      <form class="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors()} labels={labels} ref={(el) => (summary = el)} />
        <Show when={!props.initial && !publishes()}>
          <Select
            name="organisationId"
            label={labels.organisationId}
            options={organisations().map((o) => ({ value: o.organisationId, label: o.name }))}
            value={organisation()}
            onValue={(value) => setForm("organisationId", value)}
            error={errors().organisationId}
          />
        </Show>
        <Show when={!props.initial}>
          <RadioGroup
            name="kind"
            legend={labels.kind}
            options={kindOptions}
            value={form.kind}
            onValue={(value) => setForm("kind", value as MaterialDetail["kind"])}
            error={errors().kind}
          />
        </Show>
        <TextField
          name="title"
          label={labels.title}
          value={form.title}
          onValue={(value) => setForm("title", value)}
          error={errors().title}
        />
        <TextArea
          name="summary"
          label={labels.summary}
          hint="Одно-два предложения: о чём материал и чем поможет"
          rows={3}
          value={form.summary}
          onValue={(value) => setForm("summary", value)}
          error={errors().summary}
        />
        <Show when={form.kind === "article"}>
          <TextArea
            name="body"
            label={labels.body}
            hint="Разметка Markdown: ## заголовок, - пункт списка, **жирный**, [ссылка](https://…), таблицы через |"
            rows={14}
            value={form.body}
            onValue={(value) => setForm("body", value)}
            error={errors().body}
          />
        </Show>
        <Show when={form.kind === "link" || form.kind === "video"}>
          <TextField
            name="url"
            type="url"
            label={form.kind === "video" ? "Адрес записи" : labels.url}
            value={form.url}
            onValue={(value) => setForm("url", value)}
            error={errors().url}
          />
        </Show>
        <Show when={form.kind === "file" && !props.initial}>
          <DocumentField
            name="uploadId"
            label={labels.uploadId!}
            error={errors().uploadId}
            onFile={setFile}
          />
        </Show>
        <Select
          name="topic"
          label={labels.topic}
          placeholder="Выберите тему"
          options={consultationTopics.map((topic) => ({ value: topic.id, label: topic.name }))}
          value={form.topic}
          onValue={(value) => setForm("topic", value)}
          error={errors().topic}
        />
        <CheckboxGroup
          name="spheres"
          legend={`${labels.spheres} (необязательно)`}
          hint="До 5 сфер, для которых материал особенно полезен"
          options={spheres.map((s) => ({ value: s.id, label: s.name }))}
          value={form.spheres}
          onValue={(value) => setForm("spheres", value)}
          error={errorUnder(errors(), "spheres")}
        />
        <TextArea
          name="authors"
          label={`${labels.authors} (необязательно)`}
          hint={
            hasRole("expert")
              ? "Вы будете указаны автором сами; соавторов — каждого с новой строки"
              : "Каждого с новой строки"
          }
          rows={3}
          value={form.authors}
          onValue={(value) => setForm("authors", value)}
          error={errorUnder(errors(), "authors")}
        />
        <TextField
          name="edition"
          label={`${labels.edition} (необязательно)`}
          hint="Например, 2 или 2026.1"
          value={form.edition}
          onValue={(value) => setForm("edition", value)}
          error={errors().edition}
        />
        <RadioGroup
          name="audience"
          legend={labels.audience}
          options={audienceOptions}
          value={form.audience}
          onValue={(value) => setForm("audience", value as MaterialDetail["audience"])}
          error={errors().audience}
        />
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button type="submit" pending={pending()}>
            {props.submitLabel(publishes())}
          </Button>
        </div>
      </form>
    </Show>
  );
}
