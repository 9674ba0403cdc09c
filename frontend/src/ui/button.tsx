import { type JSX, Show, splitProps } from "solid-js";

type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "link";
  /** While true the button ignores presses and shows a spinner; its text (the accessible name) stays the same. */
  pending?: boolean;
};

export function Button(props: ButtonProps) {
  const [own, rest] = splitProps(props, ["variant", "pending", "class", "children", "type", "onClick"]);
  return (
    <button
      {...rest}
      type={own.type ?? "button"}
      class={`button button--${own.variant ?? "primary"} ${own.class ?? ""}`}
      aria-disabled={own.pending ? "true" : rest["aria-disabled"]}
      aria-busy={own.pending ? "true" : undefined}
      onClick={(event) => {
        if (own.pending) {
          event.preventDefault();
          return;
        }
        if (typeof own.onClick === "function") own.onClick(event);
      }}
    >
      <Show when={own.pending}>
        <span class="spinner" aria-hidden="true" />
      </Show>
      {own.children}
    </button>
  );
}
