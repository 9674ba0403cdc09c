import { createAsync } from "@solidjs/router";
import { createSignal, onMount, Show, Suspense } from "solid-js";
import { getConfig } from "../data/config";

export function SiteFooter() {
  // The configuration only adds development links: it is asked for once the page has settled,
  // not among the requests and work that draw the page.
  const [settled, setSettled] = createSignal(false);
  onMount(() => (window.requestIdleCallback ?? setTimeout)(() => setSettled(true)));
  const config = createAsync(async () => (settled() ? getConfig() : undefined));
  return (
    <footer class="site-footer">
      <div class="container">
        <p>
          <strong>Кластер НКО Калужской области</strong> — площадка, где некоммерческие организации региона
          находят партнёров, ресурсы и поддержку.
        </p>
        <ul class="footer-links">
          <li>
            <a href="/members">Каталог организаций</a>
          </li>
          <li>
            <a href="/join">Вступить в кластер</a>
          </li>
          <li>
            <a href="/account">Мой кабинет</a>
          </li>
          <li>
            <a href="/digest">Дайджест на почту</a>
          </li>
          <li>
            <a href="/certificates">Проверка сертификата</a>
          </li>
          <li>
            {/* Not a route of the SPA: the API's reference page is its own document. */}
            <a href="/api/docs" rel="external">
              API для разработчиков
            </a>
          </li>
          <Suspense>
            <Show when={config()?.mailViewerUrl}>
              {(url) => (
                <li>
                  <a href={url()} rel="external" class="dev-link">
                    Отправленные письма (режим разработки)
                  </a>
                </li>
              )}
            </Show>
          </Suspense>
        </ul>
      </div>
    </footer>
  );
}
