import { A } from "@solidjs/router";

export function CoordinatorNav() {
  return (
    <nav aria-label="Разделы координатора" class="subnav">
      <ul>
        <li>
          <A href="/coordinator/applications">Заявки</A>
        </li>
        <li>
          <A href="/coordinator/people">Учётные записи</A>
        </li>
        <li>
          <A href="/coordinator/ledger">Вклад участников</A>
        </li>
        <li>
          <A href="/coordinator/dashboard">Показатели</A>
        </li>
      </ul>
    </nav>
  );
}
