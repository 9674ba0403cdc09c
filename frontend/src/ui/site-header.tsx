import { A, useLocation } from "@solidjs/router";
import { createEffect, createSignal, on, Show, Suspense } from "solid-js";
import { useSession } from "../providers/session";
import { HeaderSearch } from "./header-search";

export function SiteHeader() {
  const { session, hasRole } = useSession();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  let toggle!: HTMLButtonElement;

  // A followed link closes the phone menu.
  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );

  return (
    <header class="site-header">
      <div class="container header-bar">
        <A href="/" class="brand" end>
          <span class="brand-mark" aria-hidden="true">
            НКО
          </span>
          {/* Two unbreakable halves: a narrow header wraps the name between them, not mid-phrase. */}
          <span class="brand-name">
            <span>Кластер НКО</span> <span>Калужской области</span>
          </span>
        </A>
        <button
          ref={toggle}
          type="button"
          class="menu-toggle"
          aria-expanded={open() ? "true" : "false"}
          aria-controls="site-nav"
          onClick={() => setOpen(!open())}
        >
          <span class="menu-icon" aria-hidden="true" />
          Меню
        </button>
        <HeaderSearch />
        <nav
          id="site-nav"
          class="site-nav"
          classList={{ "is-open": open() }}
          aria-label="Основное меню"
          onKeyDown={(event) => {
            if (event.key === "Escape" && open()) {
              setOpen(false);
              toggle.focus();
            }
          }}
        >
          <ul>
            <li>
              <A href="/members">Организации</A>
            </li>
            <li>
              <A href="/resources">Банк ресурсов</A>
            </li>
            <li>
              <A href="/consultations">Консультации</A>
            </li>
            <li>
              <A href="/events">Мероприятия</A>
            </li>
            <li>
              <A href="/materials">Библиотека</A>
            </li>
            <li>
              <A href="/join">Вступить</A>
            </li>
            <Suspense>
              <Show when={hasRole("coordinator")}>
                <li>
                  <A href="/coordinator/applications">Координатору</A>
                </li>
              </Show>
              <li>
                <Show when={session()?.account} fallback={<A href="/login">Войти</A>}>
                  <A href="/account">Мой кабинет</A>
                </Show>
              </li>
            </Suspense>
          </ul>
        </nav>
      </div>
    </header>
  );
}
