import { Invite } from "@cluster/core/member/schema";
import { createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError, type FieldErrors } from "../../data/api";
import { getMember, getRepresentatives, inviteRepresentative } from "../../data/members";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/field";
import { focusFirstInvalid, issuesToFields } from "../../ui/form";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";

export default function RepresentativesPage() {
  const params = useParams<{ id: string }>();
  const member = createAsync(() => getMember(params.id));
  const people = createAsync(() => getRepresentatives(params.id));

  return (
    <div class="narrow">
      <PageTitle>Представители организации</PageTitle>
      <SignInGate reason="Список представителей доступен им самим и координаторам после входа.">
        <DataBoundary>
          <Show when={member()}>
            {(view) => (
              <p>
                <a href={`/members/${params.id}`}>← {view().organisation.name}</a>
              </p>
            )}
          </Show>
          <section aria-labelledby="people-title">
            <h2 id="people-title">Представители</h2>
            <Show when={(people()?.items.length ?? 0) > 0} fallback={<p>Представителей пока нет.</p>}>
              <ul class="plain-list people-list">
                <For each={people()?.items}>
                  {(person) => (
                    <li>
                      <strong>{person.name}</strong> — <a href={`mailto:${person.email}`}>{person.email}</a>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
          <Show when={(people()?.invitations.length ?? 0) > 0}>
            <section aria-labelledby="invitations-title">
              <h2 id="invitations-title">Отправленные приглашения</h2>
              <ul class="plain-list">
                <For each={people()?.invitations}>
                  {(invitation) => (
                    <li>
                      {invitation.email} — действует до {formatDate(invitation.expiresAt)}
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
          <InviteForm organisationId={params.id} />
        </DataBoundary>
      </SignInGate>
    </div>
  );
}

function InviteForm(props: { organisationId: string }) {
  const [email, setEmail] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [sent, setSent] = createSignal<string>();
  const invite = useAction(inviteRepresentative);
  const submission = useSubmission(inviteRepresentative);
  let form!: HTMLFormElement;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setProblem(undefined);
    setSent(undefined);
    const parsed = Invite.safeParse({ email: email() });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    try {
      await invite(props.organisationId, parsed.data);
      setSent(parsed.data.email);
      setEmail("");
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        focusFirstInvalid(form);
        return;
      }
      setProblem(error instanceof ApiError ? error.message : "Не удалось отправить приглашение.");
    }
  }

  return (
    <section aria-labelledby="invite-title" class="panel">
      <h2 id="invite-title">Пригласить представителя</h2>
      <p>
        Мы отправим письмо со ссылкой. Приняв приглашение, человек сможет редактировать профиль организации.
      </p>
      <form class="form" onSubmit={onSubmit} noValidate ref={form}>
        <TextField
          name="email"
          label="Электронная почта"
          type="email"
          inputmode="email"
          autocomplete="off"
          spellcheck={false}
          value={email()}
          onValue={setEmail}
          error={errors().email}
        />
        <Show when={sent()}>
          <Alert kind="success">
            <p>Приглашение отправлено на {sent()}.</p>
          </Alert>
        </Show>
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button type="submit" pending={submission.pending}>
            Пригласить
          </Button>
        </div>
      </form>
    </section>
  );
}
