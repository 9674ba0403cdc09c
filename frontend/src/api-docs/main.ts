import SwaggerUI from "swagger-ui-dist/swagger-ui-es-bundle.js";
import "swagger-ui-dist/swagger-ui.css";
import "./api-docs.css";

interface Document {
  servers?: { url: string; description?: string }[];
}

const root = document.getElementById("swagger-ui") as Element;

/**
 * The portal's own document, with this portal's address as the first server: "Try it out" then
 * calls the API beside the page (the CSP allows no other), on production and locally alike.
 */
async function show() {
  const response = await fetch("/api/openapi.json");
  if (!response.ok) throw new Error(`openapi.json: ${response.status}`);
  const spec = (await response.json()) as Document;
  const here = spec.servers?.find((server) => server.url === location.origin) ?? {
    url: location.origin,
    description: "Этот портал",
  };
  spec.servers = [here, ...(spec.servers ?? []).filter((server) => server !== here)];
  SwaggerUI({
    spec,
    domNode: root,
    // A deep link is an <a> inside each operation's expand button: nested controls a screen
    // reader cannot reach. The operations stay findable by the filter and the operationId.
    deepLinking: false,
    // No call to the online validator: the CSP refuses it, and the document is linted in CI.
    validatorUrl: null,
    presets: [SwaggerUI.presets.apis],
    layout: "BaseLayout",
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    filter: true,
    // Its colour themes put red numbers on dark grey below WCAG contrast; plain text reads well.
    syntaxHighlight: { activated: false },
  });
}

/**
 * What Swagger UI leaves unnamed for a screen reader or keyboard: the server list, the
 * parameters' inputs (named after their parameter), the request body, and the scrolling answer
 * (made focusable so it can be scrolled by keys). It re-renders as operations open, so this
 * runs on every change.
 */
function mendAccessibility() {
  for (const control of root.querySelectorAll<HTMLInputElement>(
    "select:not([aria-label]), textarea:not([aria-label]), input:not([aria-label])",
  )) {
    // Swagger UI wraps the server list in a label with no text of its own.
    const labelled = [...(control.labels ?? [])].some((label) =>
      label.textContent?.replace(control.textContent ?? "", "").trim(),
    );
    if (labelled) continue;
    const parameter = control.closest("tr[data-param-name]")?.getAttribute("data-param-name");
    const name =
      control.id === "servers"
        ? "Сервер API"
        : parameter
          ? `Параметр ${parameter}`
          : control.matches(".body-param__text")
            ? "Тело запроса (JSON)"
            : undefined;
    if (name) control.setAttribute("aria-label", name);
  }
  for (const scroller of root.querySelectorAll("pre.microlight:not([tabindex])")) {
    scroller.setAttribute("tabindex", "0");
  }
}
new MutationObserver(mendAccessibility).observe(root, { childList: true, subtree: true });

show().catch(() => {
  root.textContent = "Не удалось загрузить описание API. Обновите страницу или скачайте openapi.json.";
});
