import { type Organisation, UpdateProfile } from "@cluster/core/member/schema";
import { createAsync, revalidate, useAction, useNavigate, useParams, useSubmission } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { getMember, isFullRecord, removeLogo, updateMember, uploadLogo } from "../../data/members";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { issuesToFields } from "../../ui/form";
import { checkImage } from "../../ui/image-file";
import { OrganisationLogo } from "../../ui/logo";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";
import { MemberNotFound } from "./detail";
import { LogoFileField, logoErrorMessage } from "./logo";
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
      <SignInGate
        title="Редактирование профиля"
        reason="Редактировать профиль могут представители организации после входа."
      >
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
                          <a href={`/members/${params.id}`}>Открыть профиль</a>
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
  const [logoUrl, setLogoUrl] = createSignal(props.organisation.logoUrl);
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
      setLogoUrl(latest.organisation.logoUrl);
    }
    setStale(false);
    setErrors({});
  }

  /**
   * A new or removed logo moves the organisation's version. When that was the only change since the
   * form was filled, the form carries on from the new version, so saving it later does not conflict.
   * A bigger jump means someone else saved the profile meanwhile: the old version stays, and saving
   * reports the conflict instead of overwriting their changes.
   */
  function logoChanged(organisation: Organisation) {
    setLogoUrl(organisation.logoUrl);
    if (organisation.version === version() + 1) setVersion(organisation.version);
  }

  return (
    <>
      <PageTitle>Редактирование профиля</PageTitle>
      <p>
        <a href={`/members/${props.organisation.id}`}>← {props.organisation.name}</a>
      </p>
      <LogoSection
        id={props.organisation.id}
        name={props.organisation.name}
        logoUrl={logoUrl()}
        onChanged={logoChanged}
      />
      <h2 id="profile-title">Сведения об организации</h2>
      <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="profile-title">
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
          <a href={`/members/${props.organisation.id}`} class="button button--secondary">
            Отмена
          </a>
        </div>
      </form>
    </>
  );
}

/** The logo has its own form: it is uploaded at once, apart from the profile's "Сохранить изменения". */
function LogoSection(props: {
  id: string;
  name: string;
  logoUrl?: string;
  onChanged: (organisation: Organisation) => void;
}) {
  const [file, setFile] = createSignal<File>();
  const [error, setError] = createSignal<string>();
  const [removeError, setRemoveError] = createSignal<string>();
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal<"upload" | "remove">();
  const upload = useAction(uploadLogo);
  const remove = useAction(removeLogo);
  let input!: HTMLInputElement;
  let status!: HTMLParagraphElement;

  function choose(chosen: File | undefined) {
    setMessage("");
    setFile(chosen);
    const checked = chosen ? checkImage(chosen) : undefined;
    setError(checked && "error" in checked ? checked.error : undefined);
  }

  function fail(text: string) {
    setError(text);
    requestAnimationFrame(() => input.focus());
  }

  async function onUpload(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setMessage("");
    setRemoveError(undefined);
    const chosen = file();
    if (!chosen) return fail("Выберите файл логотипа");
    const checked = checkImage(chosen);
    if ("error" in checked) return fail(checked.error);
    setError(undefined);
    setBusy("upload");
    try {
      const organisation = await upload(props.id, { blob: chosen, type: checked.type });
      if (organisation) props.onChanged(organisation);
      input.value = "";
      setFile(undefined);
      setMessage("Логотип загружен.");
    } catch (caught) {
      fail(logoErrorMessage(caught));
    } finally {
      setBusy(undefined);
    }
  }

  async function onRemove() {
    if (busy()) return;
    setMessage("");
    setRemoveError(undefined);
    setBusy("remove");
    try {
      const organisation = await remove(props.id);
      if (organisation) props.onChanged(organisation);
      setMessage("Логотип удалён.");
      // The pressed button is gone: keep keyboard focus next to what changed.
      requestAnimationFrame(() => status.focus());
    } catch (caught) {
      setRemoveError(
        caught instanceof ApiError && caught.status === 409
          ? "Профиль организации изменили одновременно с удалением. Попробуйте ещё раз."
          : caught instanceof ApiError
            ? caught.message
            : "Не удалось удалить логотип. Попробуйте ещё раз.",
      );
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section class="panel logo-panel" aria-labelledby="logo-title">
      <h2 id="logo-title">Логотип</h2>
      <Show
        when={props.logoUrl}
        fallback={<p class="muted">Логотипа пока нет. Он появится в каталоге и на странице организации.</p>}
      >
        {(src) => (
          <div class="logo-current">
            <OrganisationLogo src={src()} name={props.name} size={128} class="logo--edit" />
            <Button variant="secondary" pending={busy() === "remove"} onClick={onRemove}>
              Удалить логотип
            </Button>
          </div>
        )}
      </Show>
      <Show when={removeError()}>
        <Alert kind="error">
          <p>{removeError()}</p>
        </Alert>
      </Show>
      <form class="form logo-form" onSubmit={onUpload} noValidate aria-labelledby="logo-title">
        <LogoFileField error={error()} onFile={choose} ref={(element) => (input = element)} />
        <Button type="submit" variant="secondary" pending={busy() === "upload"}>
          Загрузить логотип
        </Button>
      </form>
      <p class="success-text logo-status" role="status" tabIndex={-1} ref={status}>
        {message()}
      </p>
    </section>
  );
}
