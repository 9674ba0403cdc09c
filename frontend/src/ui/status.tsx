import { revalidate, useLocation } from "@solidjs/router";
import { ErrorBoundary, type JSX, Show, Suspense } from "solid-js";
import { ApiError } from "../data/api";
import { Alert } from "./alert";
import { Button } from "./button";

export function Loading(props: { children?: JSX.Element }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.children ?? "Загрузка…"}
    </p>
  );
}

/** The fallback of an ErrorBoundary: what went wrong in plain words and a way to retry. */
export function LoadError(props: { error: unknown; reset?: () => void }) {
  const location = useLocation();
  const apiError = () => (props.error instanceof ApiError ? props.error : undefined);
  const next = () => encodeURIComponent(location.pathname + location.search);
  return (
    <Alert kind="error" title="Не удалось загрузить данные">
      <Show
        when={apiError()?.status === 401}
        fallback={
          <>
            <p>{apiError()?.message ?? "Что-то пошло не так. Попробуйте ещё раз чуть позже."}</p>
            <Show when={props.reset}>
              <Button variant="secondary" onClick={() => props.reset?.()}>
                Повторить
              </Button>
            </Show>
          </>
        }
      >
        <p>
          Сеанс истёк или вы вышли из учётной записи. <a href={`/login?next=${next()}`}>Войти снова</a>
        </p>
      </Show>
    </Alert>
  );
}

/** Suspense for loading and an ErrorBoundary whose retry refetches (errors are cached by `query`). */
export function DataBoundary(props: { children: JSX.Element; loading?: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <LoadError
          error={error}
          reset={async () => {
            await revalidate();
            reset();
          }}
        />
      )}
    >
      <Suspense fallback={<Loading>{props.loading}</Loading>}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
