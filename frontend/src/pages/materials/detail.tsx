import type { MaterialDetail } from "@cluster/core/material/schema";
import { consultationTopicName, sphereName } from "@cluster/core/reference";
import { createAsync, useAction, useParams } from "@solidjs/router";
import { type Accessor, createSignal, For, Show } from "solid-js";
import { ApiError, type FieldErrors } from "../../data/api";
import {
  addFileVersion,
  downloadPath,
  getMaterial,
  publishMaterial,
  returnMaterial,
  uploadDocument,
  withdrawMaterial,
} from "../../data/materials";
import { useSession } from "../../providers/session";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/field";
import { enumeration, formatDate } from "../../ui/format";
import { PageTitle, useMetaDescription } from "../../ui/page-title";
import { ReviewPanel } from "../../ui/review-panel";
import { DataBoundary } from "../../ui/status";
import { DocumentField, documentProblem, onFileField } from "./document-field";
import { fileSize, materialMeta } from "./labels";

const statusNotes: Partial<Record<MaterialDetail["status"], string>> = {
  proposed: "Материал на рассмотрении у координаторов: в библиотеке его пока не видно.",
  returned: "Координаторы вернули материал на доработку. Исправьте его, и он снова придёт на рассмотрение.",
  withdrawn: "Материал снят с публикации: в библиотеке и поиске его нет.",
};

export default function MaterialPage() {
  const params = useParams<{ id: string }>();
  const material = createAsync(() => getMaterial(params.id));
  return (
    <DataBoundary loading="Загружаем материал…">
      <Show when={material() !== undefined}>
        <Show
          when={material()}
          fallback={
            <>
              <PageTitle>Материал не найден</PageTitle>
              <p>
                Возможно, его сняли с публикации. <a href="/materials">Вся библиотека</a>
              </p>
            </>
          }
        >
          {(current) => <Material material={current} />}
        </Show>
      </Show>
    </DataBoundary>
  );
}

function Material(props: { material: Accessor<MaterialDetail> }) {
  const { hasRole } = useSession();
  const m = props.material;
  useMetaDescription(() => m().summary);
  return (
    <article class="narrow">
      <PageTitle>{m().title}</PageTitle>
      <p class="result-meta">{materialMeta(m())}</p>
      <Show when={statusNotes[m().status]}>
        {(note) => (
          <Alert kind="info" title="Статус">
            {note()}
            <Show when={m().returnReason}>{(reason) => <p>Что поправить: {reason()}</p>}</Show>
          </Alert>
        )}
      </Show>
      <p class="lead">{m().summary}</p>
      <dl class="facts">
        <Show when={m().authors.length}>
          <dt>Авторы</dt>
          <dd>{m().authors.join(", ")}</dd>
        </Show>
        <dt>Тема</dt>
        <dd>{consultationTopicName[m().topic]}</dd>
        <Show when={m().spheres.length}>
          <dt>Сферы</dt>
          <dd>{enumeration(m().spheres.map((s) => sphereName[s as keyof typeof sphereName] ?? s))}</dd>
        </Show>
        <Show when={m().edition}>
          <dt>Версия</dt>
          <dd>{m().edition}</dd>
        </Show>
        <Show when={m().organisationName}>
          <dt>Предложила организация</dt>
          <dd>{m().organisationName}</dd>
        </Show>
      </dl>

      <Show when={m().kind === "article" && m().html}>
        {/* Rendered from Markdown and made safe by the portal: only headings, lists, links, tables. */}
        <div class="article-text" innerHTML={m().html} />
      </Show>
      <Show when={(m().kind === "link" || m().kind === "video") && m().url}>
        {(url) => (
          <p>
            <a class="button" href={url()} rel="external noopener noreferrer" target="_blank">
              {m().kind === "video" ? "Смотреть запись" : "Открыть ссылку"}
            </a>
          </p>
        )}
      </Show>
      <Show when={m().kind === "file" && m().files[0]}>
        {(current) => (
          <>
            <p>
              <a class="button" href={downloadPath(m().id)} download="">
                Скачать «{current().fileName}» ({fileSize(current().size)})
              </a>
            </p>
            <Show when={m().files.length > 1}>
              <section aria-labelledby="versions-title">
                <h2 id="versions-title">Версии файла</h2>
                <ul class="plain-list">
                  <For each={m().files}>
                    {(file) => (
                      <li>
                        <a href={downloadPath(m().id, file.number)} download="">
                          Версия {file.number}: {file.fileName}
                        </a>{" "}
                        <span class="muted">
                          — {formatDate(file.uploadedAt)}, {fileSize(file.size)}
                          {file.note ? `; ${file.note}` : ""}
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>
          </>
        )}
      </Show>

      <Show when={m().editable && m().status !== "withdrawn"}>
        <Editing material={m} />
      </Show>
      <Show when={hasRole("coordinator") && m().status === "proposed"}>
        <Review material={m} />
      </Show>
      <p>
        <a href="/materials">Вся библиотека</a>
      </p>
    </article>
  );
}

/** What its author and coordinators do: change it, add a file's new version, withdraw it. */
function Editing(props: { material: Accessor<MaterialDetail> }) {
  const m = props.material;
  const add = useAction(addFileVersion);
  const withdraw = useAction(withdrawMaterial);
  const [file, setFile] = createSignal<File>();
  const [note, setNote] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  const [done, setDone] = createSignal<string>();

  async function sendVersion(event: SubmitEvent) {
    event.preventDefault();
    if (pending()) return;
    const chosen = file();
    const wrong = documentProblem(chosen);
    setProblem(undefined);
    setDone(undefined);
    if (wrong) return setErrors({ uploadId: wrong });
    setErrors({});
    setPending(true);
    try {
      const uploadId = await uploadDocument(chosen!);
      await add(m().id, { uploadId, note: note().trim() || undefined, version: m().version });
      setDone("Новая версия загружена; прежние остались в списке версий.");
      setNote("");
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(onFileField(error.fields));
      } else setProblem(error instanceof ApiError ? error.message : "Не получилось. Попробуйте ещё раз.");
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="editing-title" class="panel">
      <h2 id="editing-title">Управление материалом</h2>
      <div class="actions">
        <a class="button button--secondary" href={`/materials/${m().id}/edit`}>
          Изменить
        </a>
        <Button
          variant="secondary"
          onClick={() => {
            if (confirm("Снять материал с публикации? Он пропадёт из библиотеки и поиска."))
              void withdraw(m().id, m().version).catch((error) =>
                setProblem(error instanceof ApiError ? error.message : "Не получилось. Попробуйте ещё раз."),
              );
          }}
        >
          Снять с публикации
        </Button>
      </div>
      <Show when={m().kind === "file"}>
        <form class="form" noValidate onSubmit={sendVersion}>
          <DocumentField
            name="uploadId"
            label="Загрузить новую версию файла"
            error={errors().uploadId}
            disabled={pending()}
            onFile={setFile}
          />
          <TextField
            name="note"
            label="Что изменилось (необязательно)"
            value={note()}
            onValue={setNote}
            error={errors().note}
          />
          <div class="actions">
            <Button type="submit" pending={pending()}>
              Загрузить версию
            </Button>
          </div>
        </form>
      </Show>
      <Show when={done()}>
        {(text) => (
          <p role="status" class="success">
            {text()}
          </p>
        )}
      </Show>
      <ProblemAlert message={problem()} />
    </section>
  );
}

/** A coordinator publishes a member's proposal or returns it with what to improve. */
function Review(props: { material: Accessor<MaterialDetail> }) {
  const m = props.material;
  const publish = useAction(publishMaterial);
  const send = useAction(returnMaterial);
  return (
    <ReviewPanel
      author="Автор"
      publish={() => publish(m().id, m().version)}
      sendBack={(reason) => send(m().id, { reason, version: m().version })}
    />
  );
}
