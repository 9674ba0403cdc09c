import { createEffect, type JSX, onCleanup, onMount } from "solid-js";

const siteName = "Кластер НКО Калужской области";
let firstPage = true;

/**
 * The page's h1. Sets the document title and, after a client-side navigation (not on the first
 * load), moves focus to the heading so that screen-reader and keyboard users start at the new content.
 */
export function PageTitle(props: { children: JSX.Element; title?: string; id?: string }) {
  let heading!: HTMLHeadingElement;
  onMount(() => {
    const text = props.title ?? heading.textContent ?? "";
    document.title = text ? `${text} — ${siteName}` : siteName;
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.focus({ preventScroll: false });
  });
  return (
    <h1 ref={heading} id={props.id} tabIndex={-1} class="page-title">
      {props.children}
    </h1>
  );
}

/** A search engine reads the page's description from this meta tag. */
export function useMetaDescription(text: () => string) {
  createEffect(() => {
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement("meta");
      meta.name = "description";
      document.head.append(meta);
    }
    const previous = meta.content;
    meta.content = text();
    onCleanup(() => {
      if (meta) meta.content = previous;
    });
  });
}
