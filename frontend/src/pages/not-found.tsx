import { PageTitle } from "../ui/page-title";

export default function NotFound() {
  return (
    <>
      <PageTitle>Страница не найдена</PageTitle>
      <p>Возможно, ссылка устарела или в&nbsp;адресе опечатка.</p>
      <p>
        <a href="/">На главную</a> · <a href="/members">Каталог организаций</a>
      </p>
    </>
  );
}
