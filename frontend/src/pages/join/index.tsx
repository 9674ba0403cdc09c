import { Application, type Organisation } from "@cluster/core/member/schema";
import { type OrganisationKind, organisationKinds } from "@cluster/core/reference";
import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore, type SetStoreFunction } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { submitApplication, uploadLogo } from "../../data/members";
import { useSession } from "../../providers/session";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { RadioGroup } from "../../ui/choice-group";
import { ErrorSummary } from "../../ui/error-summary";
import { TextField } from "../../ui/field";
import { blankToUndefined, issuesToFields } from "../../ui/form";
import { checkImage } from "../../ui/image-file";
import { PageTitle } from "../../ui/page-title";
import { SignInGate } from "../login/gate";
import { LogoFileField, logoErrorMessage } from "../members/logo";
import {
  emptyProfile,
  ProfileFields,
  type ProfileForm,
  profileInput,
  profileLabels,
} from "../members/profile-fields";

type Registration = { kind: OrganisationKind | ""; inn: string; ogrn: string };

const labels: Record<string, string> = {
  ...profileLabels,
  kind: "Вид участника",
  inn: "ИНН",
  ogrn: "ОГРН или ОГРНИП",
  logo: "Логотип",
};

/** The application is in even when its logo was refused: `logoProblem` says why, to fix it later. */
type Outcome = { organisation: Organisation; logoProblem?: string };

export default function Join() {
  // The form lives above the sign-in gate: if the session ends mid-way, typed data survives the new sign-in.
  const [profile, setProfile] = createStore<ProfileForm>(emptyProfile());
  const [registration, setRegistration] = createStore<Registration>({ kind: "ngo", inn: "", ogrn: "" });
  const [submitted, setSubmitted] = createSignal<Outcome>();

  return (
    <div class="narrow">
      <PageTitle>Вступить в кластер</PageTitle>
      <Show
        when={submitted()}
        fallback={
          <>
            <p class="lead">
              Участниками кластера становятся НКО, компании, органы власти, СМИ, эксперты и частные лица
              Калужской области. Заявку проверяют координаторы кластера.
            </p>
            <SignInGate reason="Чтобы подать заявку, войдите по электронной почте — так координаторы смогут сообщить вам решение.">
              <JoinForm
                profile={profile}
                setProfile={setProfile}
                registration={registration}
                setRegistration={setRegistration}
                onSubmitted={setSubmitted}
              />
            </SignInGate>
          </>
        }
      >
        {(outcome) => <Submitted {...outcome()} />}
      </Show>
    </div>
  );
}

function Submitted(props: Outcome) {
  const { session } = useSession();
  let heading!: HTMLHeadingElement;
  requestAnimationFrame(() => heading.focus());
  return (
    <section class="panel panel--success" aria-labelledby="submitted-title">
      <h2 id="submitted-title" tabIndex={-1} ref={heading}>
        Заявка отправлена
      </h2>
      <p>
        Заявка «{props.organisation.name}» передана координаторам кластера. Они рассмотрят её и сообщат
        решение письмом на адрес <strong>{session()?.account?.email ?? "вашей электронной почты"}</strong>.
      </p>
      <p>Пока заявка на рассмотрении, профиль организации видите только вы и координаторы.</p>
      <Show when={props.logoProblem}>
        <Alert kind="warning" title="Логотип не загружен">
          <p>{/[.!?]$/.test(props.logoProblem ?? "") ? props.logoProblem : `${props.logoProblem}.`}</p>
          <p>
            Заявка при этом подана. Добавить логотип можно позже на{" "}
            <a href={`/members/${props.organisation.id}/edit`}>странице редактирования профиля</a>.
          </p>
        </Alert>
      </Show>
      <div class="actions">
        <a href={`/members/${props.organisation.id}`} class="button button--primary">
          Посмотреть заявку
        </a>
        <a href="/account" class="button button--secondary">
          Мой кабинет
        </a>
      </div>
    </section>
  );
}

function JoinForm(props: {
  profile: ProfileForm;
  setProfile: SetStoreFunction<ProfileForm>;
  registration: Registration;
  setRegistration: SetStoreFunction<Registration>;
  onSubmitted: (outcome: Outcome) => void;
}) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [logo, setLogo] = createSignal<File>();
  const [uploading, setUploading] = createSignal(false);
  const submit = useAction(submitApplication);
  const upload = useAction(uploadLogo);
  const submission = useSubmission(submitApplication);
  const pending = () => submission.pending || uploading();
  let summary: HTMLElement | undefined;
  let problemBox: HTMLDivElement | undefined;

  const isExpert = () => props.registration.kind === "expert";

  function showErrors(fields: FieldErrors) {
    setErrors(fields);
    requestAnimationFrame(() => summary?.focus());
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (pending()) return;
    setProblem(undefined);
    const chosen = logo();
    const logoCheck = chosen ? checkImage(chosen) : undefined;
    const logoError: FieldErrors = logoCheck && "error" in logoCheck ? { logo: logoCheck.error } : {};
    const parsed = Application.safeParse({
      ...profileInput(props.profile),
      kind: props.registration.kind || undefined,
      inn: blankToUndefined(props.registration.inn),
      ogrn: blankToUndefined(props.registration.ogrn),
    });
    if (!parsed.success || logoError.logo) {
      showErrors({ ...(parsed.success ? {} : issuesToFields(parsed.error.issues)), ...logoError });
      return;
    }
    setErrors({});
    try {
      const organisation = await submit(parsed.data);
      if (!organisation) return;
      let logoProblem: string | undefined;
      if (chosen && logoCheck && "type" in logoCheck) {
        setUploading(true);
        try {
          await upload(organisation.id, { blob: chosen, type: logoCheck.type });
        } catch (error) {
          logoProblem = logoErrorMessage(error);
        } finally {
          setUploading(false);
        }
      }
      props.onSubmitted({ organisation, logoProblem });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        showErrors(error.fields);
        if (error.status !== 422 && error.status !== 409) setProblem(error.message);
        return;
      }
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось отправить заявку. Попробуйте ещё раз.",
      );
      requestAnimationFrame(() => problemBox?.focus());
    }
  }

  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors()} labels={labels} ref={(el) => (summary = el)} />
      <RadioGroup
        name="kind"
        legend="Вид участника"
        options={organisationKinds.map((k) => ({ value: k.id, label: k.name }))}
        value={props.registration.kind}
        onValue={(value) => props.setRegistration("kind", value as OrganisationKind)}
        error={errors().kind}
      />
      <ProfileFields
        form={props.profile}
        setForm={props.setProfile}
        errors={errors()}
        registration={
          <>
            <TextField
              name="inn"
              label="ИНН"
              hint={
                isExpert()
                  ? "Необязательно для экспертов и частных лиц. ИНН физического лица — 12 цифр."
                  : "10 цифр у организации, 12 — у индивидуального предпринимателя."
              }
              inputmode="numeric"
              autocomplete="off"
              value={props.registration.inn}
              onValue={(value) => props.setRegistration("inn", value)}
              error={errors().inn}
            />
            <TextField
              name="ogrn"
              label="ОГРН или ОГРНИП"
              hint={
                isExpert()
                  ? "Необязательно для экспертов и частных лиц. ОГРНИП — 15 цифр."
                  : "ОГРН организации — 13 цифр, ОГРНИП предпринимателя — 15 цифр."
              }
              inputmode="numeric"
              autocomplete="off"
              value={props.registration.ogrn}
              onValue={(value) => props.setRegistration("ogrn", value)}
              error={errors().ogrn}
            />
          </>
        }
      />
      <fieldset class="fieldset">
        <legend>Логотип (необязательно)</legend>
        <p class="field-hint">
          Его покажут в каталоге и на странице организации. Можно добавить и позже, на странице редактирования
          профиля.
        </p>
        <LogoFileField
          error={errors().logo}
          onFile={(file) => {
            setLogo(file);
            const checked = file ? checkImage(file) : undefined;
            const { logo: _, ...rest } = errors();
            setErrors(checked && "error" in checked ? { ...rest, logo: checked.error } : rest);
          }}
        />
      </fieldset>
      <Show when={problem()}>
        <Alert kind="error" ref={(el) => (problemBox = el)} tabIndex={-1}>
          <p>{problem()}</p>
        </Alert>
      </Show>
      <p class="field-hint">
        Отправляя заявку, вы подтверждаете, что представляете эту организацию и сведения в заявке верны.
      </p>
      <div class="actions">
        <Button type="submit" pending={pending()}>
          Отправить заявку
        </Button>
      </div>
    </form>
  );
}
