import { revalidate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiError } from "../../data/api";
import { getDigestByToken, unsubscribe } from "../../data/digests";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { PageTitle } from "../../ui/page-title";

/**
 * The "Отписаться" link of a digest: one button, no login. (Mail clients use the one-click
 * header instead; a link that unsubscribed on opening would be triggered by link scanners.)
 */
export default function UnsubscribePage() {
  const [search] = useSearchParams<{ token?: string }>();
  const [done, setDone] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const preferences = () => `/digest?token=${encodeURIComponent(search.token ?? "")}`;

  async function confirm() {
    setPending(true);
    setProblem(undefined);
    try {
      await unsubscribe(search.token ?? "");
      await revalidate(getDigestByToken.key);
      setDone(true);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "Не удалось отписаться. Попробуйте ещё раз.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div class="narrow">
      <PageTitle>Отписаться от дайджеста</PageTitle>
      <Show
        when={done()}
        fallback={
          <>
            <p>
              Дайджест перестанет приходить сразу. Вместо этого можно присылать его реже или только по нужным
              темам.
            </p>
            <ProblemAlert message={problem()} />
            <div class="actions">
              <Button onClick={confirm} pending={pending()}>
                Отписаться
              </Button>
              <a href={preferences()} class="button button--secondary">
                Изменить настройки
              </a>
            </div>
          </>
        }
      >
        <Alert kind="success" title="Вы отписались">
          <p>Больше дайджестов не будет. Передумаете — возобновить подписку можно в настройках.</p>
          <p>
            <a href={preferences()}>Настройки дайджеста</a>
          </p>
        </Alert>
      </Show>
    </div>
  );
}
