import { useLocation, useNavigate } from "@solidjs/router";

/**
 * The portal-wide search in the header, on every page and every screen. A plain GET form to
 * /search, so it works before the script has loaded; once it has, the router takes the jump.
 * `<search>` gives it the search landmark; a browser too old to know the element still has the form.
 */
export function HeaderSearch() {
  const navigate = useNavigate();
  const location = useLocation();
  const current = () => (location.pathname === "/search" ? String(location.query.q ?? "") : "");
  return (
    <search class="header-search">
      <form
        action="/search"
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
          navigate(`/search?${new URLSearchParams({ q })}`);
        }}
      >
        <label for="header-search-q" class="visually-hidden">
          Поиск по порталу
        </label>
        <input
          id="header-search-q"
          name="q"
          type="search"
          maxLength={100}
          placeholder="Организации, ресурсы, ответы"
          value={current()}
          autocomplete="off"
        />
        <button type="submit">Найти</button>
      </form>
    </search>
  );
}
