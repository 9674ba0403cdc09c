import { A } from "@solidjs/router";
import { PageTitle } from "../ui/page-title";

export default function NotFound() {
  return (
    <>
      <PageTitle>Страница не найдена</PageTitle>
      <p>Возможно, ссылка устарела или в&nbsp;адресе опечатка.</p>
      <p>
        <A href="/">На главную</A> · <A href="/members">Каталог организаций</A>
      </p>
    </>
  );
}
