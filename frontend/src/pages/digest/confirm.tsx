import { useSearchParams } from "@solidjs/router";
import { createResource, Match, Switch } from "solid-js";
import { ApiError } from "../../data/api";
import { confirmDigest } from "../../data/digests";
import { Alert } from "../../ui/alert";
import { PageTitle } from "../../ui/page-title";
import { Loading } from "../../ui/status";
import { nextDigestText } from "./preferences";

/** The confirmation letter's link: opening it is the consent, so it confirms at once. */
export default function ConfirmPage() {
  const [search] = useSearchParams<{ token?: string }>();
  const [result] = createResource(
    () => search.token ?? "",
    (token) =>
      confirmDigest(token).catch((error: unknown) => ({
        problem:
          error instanceof ApiError ? error.message : "Не удалось подтвердить подписку. Попробуйте ещё раз.",
      })),
  );
  return (
    <div class="narrow">
      <PageTitle>Подтверждение подписки</PageTitle>
      <Switch fallback={<Loading />}>
        <Match when={result() && "problem" in result()! && result()}>
          {(failed) => (
            <Alert kind="error" title="Подписка не подтверждена">
              <p>{(failed() as { problem: string }).problem}</p>
              <p>
                <a href="/digest">Подписаться заново</a>
              </p>
            </Alert>
          )}
        </Match>
        <Match when={result() && "manageToken" in result()! && result()}>
          {(confirmed) => {
            const view = confirmed() as Awaited<ReturnType<typeof confirmDigest>>;
            return (
              <Alert kind="success" title="Подписка подтверждена">
                <p>Дайджест будет приходить на {view.email}.</p>
                <p>{nextDigestText(view.nextDueAt)}</p>
                <p>
                  <a href={`/digest?token=${encodeURIComponent(view.manageToken)}`}>Настроить дайджест</a>
                </p>
              </Alert>
            );
          }}
        </Match>
      </Switch>
    </div>
  );
}
