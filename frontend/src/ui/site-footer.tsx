import { A, createAsync } from "@solidjs/router";
import { Show, Suspense } from "solid-js";
import { getConfig } from "../data/config";

export function SiteFooter() {
  const config = createAsync(() => getConfig());
  return (
    <footer class="site-footer">
      <div class="container">
        <p>
          <strong>Кластер НКО Калужской области</strong> — площадка, где некоммерческие организации региона
          находят партнёров, ресурсы и поддержку.
        </p>
        <ul class="footer-links">
          <li>
            <A href="/members">Каталог организаций</A>
          </li>
          <li>
            <A href="/join">Вступить в кластер</A>
          </li>
          <li>
            <A href="/account">Мой кабинет</A>
          </li>
          <li>
            <A href="/digest">Дайджест на почту</A>
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
