import { revalidate } from "@solidjs/router";
import { type JSX, Show } from "solid-js";
import { useSession } from "../../providers/session";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { PageTitle } from "../../ui/page-title";
import { LoginFlow } from "./flow";

/**
 * Shows its children to a signed-in person; everyone else signs in right here, on the same page,
 * and then sees the children (the session query is revalidated by the sign-in actions).
 */
export function SignInGate(props: {
  children: JSX.Element;
  reason: string;
  /** The page's h1 while signed out, for pages whose children render their own h1. */
  title?: string;
}) {
  const { session } = useSession();
  return (
    <Show when={session()}>
      {(current) => (
        <Show
          when={current().account}
          fallback={
            <>
              <Show when={props.title}>{(title) => <PageTitle>{title()}</PageTitle>}</Show>
              <Show
                when={!current().unavailable}
                fallback={
                  <Alert kind="error" title="Сервер недоступен">
                    <p>
                      Не удалось связаться с сервером. Проверьте подключение к интернету и попробуйте ещё раз.
                    </p>
                    <Button variant="secondary" onClick={() => revalidate("session")}>
                      Повторить
                    </Button>
                  </Alert>
                }
              >
                <section class="panel" aria-labelledby="sign-in-title">
                  <h2 id="sign-in-title">Вход на портал</h2>
                  <p>{props.reason}</p>
                  <LoginFlow
                    onDone={() =>
                      // The form disappears: move focus to the page heading so keyboard users are not lost.
                      requestAnimationFrame(() => document.querySelector<HTMLElement>("#main h1")?.focus())
                    }
                  />
                </section>
              </Show>
            </>
          }
        >
          {props.children}
        </Show>
      )}
    </Show>
  );
}

/** For coordinators only; the API checks the role too, this only spares people a page of errors. */
export function CoordinatorGate(props: { children: JSX.Element }) {
  const { hasRole } = useSession();
  return (
    <SignInGate reason="Раздел координатора доступен после входа.">
      <Show
        when={hasRole("coordinator")}
        fallback={
          <Alert kind="warning">
            <p>Этот раздел доступен только координаторам кластера.</p>
          </Alert>
        }
      >
        {props.children}
      </Show>
    </SignInGate>
  );
}
