import { useNavigate, useSearchParams } from "@solidjs/router";
import { Show } from "solid-js";
import { useSession } from "../../providers/session";
import { PageTitle } from "../../ui/page-title";
import { LoginFlow } from "./flow";

/** Only same-site paths: `?next=https://evil.example` must not become an open redirect. */
export function safeNext(next: string | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/account";
}

export default function Login() {
  const [search] = useSearchParams<{ next?: string }>();
  const navigate = useNavigate();
  const { session } = useSession();
  const next = () => safeNext(typeof search.next === "string" ? search.next : undefined);

  return (
    <div class="narrow">
      <PageTitle>Вход</PageTitle>
      <Show
        when={session()?.account}
        fallback={
          <>
            <p>
              Войдите по адресу электронной почты. Если вы здесь впервые, мы зарегистрируем вас за минуту.
            </p>
            <LoginFlow onDone={() => navigate(next(), { replace: true })} />
          </>
        }
      >
        {(account) => (
          <>
            <p>
              Вы вошли как <strong>{account().name}</strong> ({account().email}).
            </p>
            <p>
              <a href={next()} class="button button--primary">
                Продолжить
              </a>
            </p>
          </>
        )}
      </Show>
    </div>
  );
}
