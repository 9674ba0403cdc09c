import { AcceptInvitation } from "@cluster/core/member/schema";
import { useAction, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Match, onMount, Switch } from "solid-js";
import { ApiError } from "../../data/api";
import { acceptInvitation } from "../../data/members";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { PageTitle } from "../../ui/page-title";
import { Loading } from "../../ui/status";
import { SignInGate } from "../login/gate";

export default function AcceptInvitationPage() {
  const [search] = useSearchParams<{ token?: string }>();
  const token = () => (typeof search.token === "string" ? search.token : "");
  return (
    <div class="narrow">
      <PageTitle>Приглашение в&nbsp;организацию</PageTitle>
      <SignInGate reason="Чтобы принять приглашение стать представителем организации, войдите по электронной почте. Если у вас ещё нет учётной записи, она будет создана.">
        <Accept token={token()} />
      </SignInGate>
    </div>
  );
}

/** Accepts as soon as the person is signed in (they came here by the link in the invitation letter). */
function Accept(props: { token: string }) {
  const accept = useAction(acceptInvitation);
  const navigate = useNavigate();
  const [state, setState] = createSignal<"working" | "invalid" | "failed">("working");
  const [message, setMessage] = createSignal("");

  async function run() {
    const parsed = AcceptInvitation.safeParse({ token: props.token });
    if (!parsed.success) {
      setState("invalid");
      return;
    }
    setState("working");
    try {
      const result = await accept(parsed.data);
      navigate(result ? `/members/${result.organisationId}` : "/account", {
        replace: true,
        state: {
          notice:
            "Приглашение принято: теперь вы представитель организации и можете редактировать её профиль.",
        },
      });
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Не удалось принять приглашение.");
      setState(
        error instanceof ApiError && error.status < 500 && error.status !== 429 && error.status !== 0
          ? "invalid"
          : "failed",
      );
    }
  }

  onMount(run);

  return (
    <Switch>
      <Match when={state() === "working"}>
        <Loading>Принимаем приглашение…</Loading>
      </Match>
      <Match when={state() === "invalid"}>
        <Alert kind="error" title="Приглашение недействительно">
          <p>{message() || "В ссылке нет кода приглашения или он повреждён."}</p>
          <p>
            Срок действия приглашения мог истечь. Попросите представителя организации прислать новое.{" "}
            <a href="/account">Мой кабинет</a>
          </p>
        </Alert>
      </Match>
      <Match when={state() === "failed"}>
        <Alert kind="error" title="Не удалось принять приглашение">
          <p>{message()}</p>
          <Button variant="secondary" onClick={run}>
            Попробовать ещё раз
          </Button>
        </Alert>
      </Match>
    </Switch>
  );
}
