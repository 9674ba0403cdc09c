import { type JSX, Show } from "solid-js";

/**
 * A message box. Errors use role="alert" (announced at once), the rest role="status".
 * Pass `ref` + `tabIndex={-1}` when focus should move to it.
 */
export function Alert(props: {
  kind?: "error" | "success" | "info" | "warning";
  title?: JSX.Element;
  children?: JSX.Element;
  ref?: (element: HTMLDivElement) => void;
  tabIndex?: number;
  id?: string;
}) {
  const kind = () => props.kind ?? "info";
  return (
    <div
      id={props.id}
      ref={props.ref}
      tabIndex={props.tabIndex}
      class={`alert alert--${kind()}`}
      role={kind() === "error" ? "alert" : "status"}
    >
      {props.title ? <p class="alert-title">{props.title}</p> : null}
      {props.children}
    </div>
  );
}

/** What went wrong with the last action, in one error box; nothing while there is no problem. */
export function ProblemAlert(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <Alert kind="error">
        <p>{props.message}</p>
      </Alert>
    </Show>
  );
}
