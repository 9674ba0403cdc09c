import { type Account, UpdateProfile } from "@cluster/core/account/schema";
import { organisationKindName, roleName } from "@cluster/core/reference";
import { revalidate, useAction, useNavigate, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { deleteMe, exportUrl, updateMe } from "../../data/accounts";
import { ApiError, type FieldErrors } from "../../data/api";
import { getSession, logout } from "../../data/auth";
import { useSession } from "../../providers/session";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/field";
import { focusFirstInvalid, issuesToFields } from "../../ui/form";
import { formatDate, statusName } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { MyQuestions } from "../consultations/lists";
import { MyEvents } from "../events/mine";
import { SignInGate } from "../login/gate";
import { MyListings } from "../resources/mine";
import { MyResponses } from "../responses/mine";

/** The consent text's edition: its date when it is one ("от 1 ноября 2026 г."), else as it is. */
const edition = (version: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(version) ? `от ${formatDate(version)}` : version;

export default function AccountPage() {
  return (
    <div class="narrow">
      <PageTitle>Мой кабинет</PageTitle>
      <SignInGate reason="Войдите, чтобы открыть свой кабинет.">
        <AccountContent />
      </SignInGate>
    </div>
  );
}

function AccountContent() {
  const { session, hasRole } = useSession();
  const account = () => session()?.account as Account;
  const memberships = () => session()?.memberships ?? [];

  return (
    <>
      <p>
        Вы вошли как <strong>{account().name}</strong> ({account().email}).
        <Show when={account().roles.length > 0}>
          {" "}
          {account().roles.length === 1 ? "Роль" : "Роли"}:{" "}
          {account()
            .roles.map((role) => roleName[role].toLowerCase())
            .join(", ")}
          .
        </Show>
      </p>

      <section aria-labelledby="orgs-title" class="section">
        <h2 id="orgs-title">Мои организации</h2>
        <Show
          when={memberships().length > 0}
          fallback={
            <p>
              Вы пока не представляете ни одной организации. <a href="/join">Подать заявку на вступление</a>
            </p>
          }
        >
          <ul class="plain-list membership-list">
            <For each={memberships()}>
              {(membership) => (
                <li>
                  <a href={`/members/${membership.organisationId}`}>{membership.name}</a>
                  <span class="muted"> — {organisationKindName[membership.kind]}</span>
                  <span class={`status status--${membership.status}`}>{statusName[membership.status]}</span>
                </li>
              )}
            </For>
          </ul>
          <p>
            <a href="/join">Подать заявку ещё от одной организации</a>
          </p>
        </Show>
      </section>

      <MyListings />
      <MyResponses />
      <MyQuestions />
      <MyEvents />

      <section aria-labelledby="digest-title" class="section">
        <h2 id="digest-title">Дайджест на почту</h2>
        <p>
          Новое в Банке ресурсов, ответы на вопросы и новые участники — раз в неделю или каждый день.{" "}
          <a href="/digest">Настроить дайджест</a>
        </p>
      </section>

      <Show when={hasRole("coordinator")}>
        <section aria-labelledby="coordinator-title" class="section">
          <h2 id="coordinator-title">Координатору</h2>
          <ul class="plain-list">
            <li>
              <a href="/coordinator/applications">Заявки на вступление</a>
            </li>
            <li>
              <a href="/coordinator/people">Учётные записи и роли</a>
            </li>
          </ul>
        </section>
      </Show>

      <ProfileForm account={account()} />

      <section aria-labelledby="data-title" class="section">
        <h2 id="data-title">Персональные данные</h2>
        <p>
          Согласие на обработку персональных данных дано {formatDate(account().consent.at)} (редакция{" "}
          {edition(account().consent.version)}).
        </p>
        <p>
          <a href={exportUrl} download="moi-dannye.json" class="button button--secondary">
            Скачать мои данные
          </a>
        </p>
        <p class="field-hint">Файл JSON со всеми сведениями о вас, которые хранит портал.</p>
        <DeleteAccount />
      </section>

      <section aria-labelledby="logout-title" class="section">
        <h2 id="logout-title" class="visually-hidden">
          Выход
        </h2>
        <Logout />
      </section>
    </>
  );
}

function ProfileForm(props: { account: Account }) {
  const [name, setName] = createSignal(props.account.name);
  const [phone, setPhone] = createSignal(props.account.phone ?? "");
  const [version, setVersion] = createSignal(props.account.version);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [stale, setStale] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const save = useAction(updateMe);
  const submission = useSubmission(updateMe);
  let form!: HTMLFormElement;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setSaved(false);
    setProblem(undefined);
    setStale(false);
    const parsed = UpdateProfile.safeParse({ name: name(), phone: phone(), version: version() });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    try {
      const account = await save(parsed.data);
      if (account) {
        setVersion(account.version);
        setName(account.name);
        setPhone(account.phone ?? "");
      }
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setStale(true);
        return;
      }
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        focusFirstInvalid(form);
        return;
      }
      setProblem(error instanceof ApiError ? error.message : "Не удалось сохранить. Попробуйте ещё раз.");
    }
  }

  async function loadLatest() {
    await revalidate(getSession.key);
    const latest = await getSession();
    if (latest.account) {
      setName(latest.account.name);
      setPhone(latest.account.phone ?? "");
      setVersion(latest.account.version);
    }
    setStale(false);
  }

  return (
    <section aria-labelledby="profile-title" class="section">
      <h2 id="profile-title">Мои данные для связи</h2>
      <form class="form" onSubmit={onSubmit} noValidate ref={form}>
        <TextField
          name="name"
          label="Имя и фамилия"
          autocomplete="name"
          value={name()}
          onValue={setName}
          error={errors().name}
        />
        <TextField
          name="phone"
          label="Телефон (необязательно)"
          hint="Например, +7 910 123-45-67. Виден только координаторам."
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          value={phone()}
          onValue={setPhone}
          error={errors().phone}
        />
        <p class="field-hint">
          Адрес электронной почты: {props.account.email}. Он служит для входа и не меняется.
        </p>
        <Show when={saved()}>
          <Alert kind="success">
            <p>Сохранено.</p>
          </Alert>
        </Show>
        <Show when={stale()}>
          <Alert kind="warning" title="Данные уже изменили">
            <p>
              Пока вы редактировали, ваши данные изменили в другом окне или на другом устройстве. Загрузите
              актуальную версию и повторите правку.
            </p>
            <Button variant="secondary" onClick={loadLatest}>
              Загрузить актуальную версию
            </Button>
          </Alert>
        </Show>
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button type="submit" pending={submission.pending}>
            Сохранить
          </Button>
        </div>
      </form>
    </section>
  );
}

function DeleteAccount() {
  const [confirming, setConfirming] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const remove = useAction(deleteMe);
  const submission = useSubmission(deleteMe);
  const navigate = useNavigate();
  let heading: HTMLHeadingElement | undefined;
  let opener: HTMLButtonElement | undefined;

  async function confirm() {
    if (submission.pending) return;
    setProblem(undefined);
    try {
      await remove();
      navigate("/", {
        replace: true,
        state: { notice: "Учётная запись удалена вместе с вашими персональными данными." },
      });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "Не удалось удалить учётную запись.");
    }
  }

  return (
    <Show
      when={confirming()}
      fallback={
        <p>
          <Button
            variant="danger"
            ref={(el) => (opener = el)}
            onClick={() => {
              setConfirming(true);
              requestAnimationFrame(() => heading?.focus());
            }}
          >
            Удалить учётную запись
          </Button>
        </p>
      }
    >
      <section class="panel panel--danger" aria-labelledby="delete-title">
        <h3 id="delete-title" tabIndex={-1} ref={(el) => (heading = el)}>
          Удалить учётную запись навсегда?
        </h3>
        <p>
          Ваше имя, адрес электронной почты и телефон будут удалены сразу, восстановить учётную запись будет
          нельзя. Если захотите вернуться, зарегистрируйтесь заново.
        </p>
        <p>
          Ваша карточка эксперта или частного лица в каталоге участников удаляется вместе с учётной записью.
          Организации, которые вы представляете, остаются в кластере.
        </p>
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button variant="danger" pending={submission.pending} onClick={confirm}>
            Да, удалить навсегда
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => opener?.focus());
            }}
          >
            Отмена
          </Button>
        </div>
      </section>
    </Show>
  );
}

function Logout() {
  const signOut = useAction(logout);
  const submission = useSubmission(logout);
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal<string>();
  return (
    <>
      <ProblemAlert message={problem()} />
      <Button
        variant="secondary"
        pending={submission.pending}
        onClick={async () => {
          try {
            await signOut();
            navigate("/", { replace: true, state: { notice: "Вы вышли из учётной записи." } });
          } catch (error) {
            setProblem(error instanceof ApiError ? error.message : "Не удалось выйти. Попробуйте ещё раз.");
          }
        }}
      >
        Выйти
      </Button>
    </>
  );
}
