import { type Organisation, UpdateProfile } from "@cluster/core/member/schema";
import {
  A,
  createAsync,
  revalidate,
  useAction,
  useNavigate,
  useParams,
  useSubmission,
} from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { getMember, isFullRecord, updateMember } from "../../data/members";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { issuesToFields } from "../../ui/form";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";
import { MemberNotFound } from "./detail";
import {
  ProfileFields,
  type ProfileForm,
  profileFromOrganisation,
  profileInput,
  profileLabels,
} from "./profile-fields";

export default function EditMember() {
  const params = useParams<{ id: string }>();
  const member = createAsync(() => getMember(params.id));
  return (
    <div class="narrow">
      <SignInGate reason="Редактировать профиль могут представители организации после входа.">
        <DataBoundary>
          <Show when={member() !== undefined}>
            <Show when={member()} fallback={<MemberNotFound />}>
              {(view) => (
                <Show
                  when={
                    view().canEdit && isFullRecord(view().organisation)
                      ? (view().organisation as Organisation)
                      : undefined
                  }
                  fallback={
                    <>
                      <PageTitle>Редактирование профиля</PageTitle>
                      <Alert kind="warning">
                        <p>
                          Редактировать профиль могут только представители организации и координаторы.{" "}
                          <A href={`/members/${params.id}`}>Открыть профиль</A>
                        </p>
                      </Alert>
                    </>
                  }
                >
                  {(organisation) => <EditForm organisation={organisation()} />}
                </Show>
              )}
            </Show>
          </Show>
        </DataBoundary>
      </SignInGate>
    </div>
  );
}

function EditForm(props: { organisation: Organisation }) {
  const navigate = useNavigate();
  // The form keeps what the person typed; the version it edits is taken when the form is filled.
  const [form, setForm] = createStore<ProfileForm>(profileFromOrganisation(props.organisation));
  const [version, setVersion] = createSignal(props.organisation.version);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [stale, setStale] = createSignal(false);
  const save = useAction(updateMember);
  const submission = useSubmission(updateMember);
  let summary: HTMLElement | undefined;
  let problemBox: HTMLDivElement | undefined;

  function focusProblem() {
    requestAnimationFrame(() => problemBox?.focus());
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setProblem(undefined);
    setStale(false);
    const parsed = UpdateProfile.safeParse({ ...profileInput(form), version: version() });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    setErrors({});
    try {
      await save(props.organisation.id, parsed.data);
      navigate(`/members/${props.organisation.id}`, { state: { notice: "Изменения сохранены." } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setStale(true);
        focusProblem();
        return;
      }
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        requestAnimationFrame(() => summary?.focus());
        return;
      }
      setProblem(error instanceof ApiError ? error.message : "Не удалось сохранить. Попробуйте ещё раз.");
      focusProblem();
    }
  }

  /** After a conflict: load the current record and put it into the form (the person's edits are replaced). */
  async function loadLatest() {
    await revalidate(getMember.keyFor(props.organisation.id));
    const latest = await getMember(props.organisation.id);
    if (latest && isFullRecord(latest.organisation)) {
      setForm(reconcile(profileFromOrganisation(latest.organisation)));
      setVersion(latest.organisation.version);
    }
    setStale(false);
    setErrors({});
  }

  return (
    <>
      <PageTitle>Редактирование профиля</PageTitle>
      <p>
        <A href={`/members/${props.organisation.id}`}>← {props.organisation.name}</A>
      </p>
      <form class="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors()} labels={profileLabels} ref={(el) => (summary = el)} />
        <p class="field-hint">
          Вид участника, ИНН и ОГРН изменить нельзя. Если в них ошибка, напишите координаторам кластера.
        </p>
        <ProfileFields form={form} setForm={setForm} errors={errors()} />
        <Show when={stale()}>
          <Alert kind="warning" title="Профиль уже изменили" ref={(el) => (problemBox = el)} tabIndex={-1}>
            <p>
              Пока вы редактировали, кто-то другой сохранил изменения в этом профиле. Загрузите актуальную
              версию и внесите свои правки ещё раз. Ваши несохранённые изменения при этом пропадут — при
              необходимости скопируйте их.
            </p>
            <Button variant="secondary" onClick={loadLatest}>
              Загрузить актуальную версию
            </Button>
          </Alert>
        </Show>
        <Show when={problem()}>
          <Alert kind="error" ref={(el) => (problemBox = el)} tabIndex={-1}>
            <p>{problem()}</p>
          </Alert>
        </Show>
        <div class="actions">
          <Button type="submit" pending={submission.pending}>
            Сохранить изменения
          </Button>
          <A href={`/members/${props.organisation.id}`} class="button button--secondary">
            Отмена
          </A>
        </div>
      </form>
    </>
  );
}
