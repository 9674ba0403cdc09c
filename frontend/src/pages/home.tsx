import { PageTitle } from "../ui/page-title";

export default function Home() {
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <PageTitle id="home-title" title="Главная">
          Кластер НКО Калужской области
        </PageTitle>
        <p class="lead">
          Кластер объединяет около 1&nbsp;550 некоммерческих организаций Калужской области с бизнесом,
          органами власти, СМИ и экспертами, чтобы вместе решать задачи региона: находить партнёров, делиться
          ресурсами и получать поддержку.
        </p>
        <div class="actions">
          <a href="/members" class="button button--primary">
            Найти организацию
          </a>
          <a href="/join" class="button button--secondary">
            Вступить в кластер
          </a>
        </div>
      </section>

      <section aria-labelledby="now-title" class="section">
        <h2 id="now-title">Уже работает</h2>
        <div class="cards">
          <article class="card">
            <h3>Каталог участников</h3>
            <p>
              НКО, компании, органы власти, СМИ и эксперты региона: поиск по названию, сфере деятельности и
              муниципалитету.
            </p>
            <a href="/members">Открыть каталог</a>
          </article>
          <article class="card">
            <h3>Вступление в кластер</h3>
            <p>
              Заполните заявку за 10 минут. Координаторы проверят её и сообщат решение по электронной почте.
            </p>
            <a href="/join">Подать заявку</a>
          </article>
          <article class="card">
            <h3>Банк ресурсов</h3>
            <p>
              Безвозмездно предложить или найти помещение, технику, транспорт, помощь специалистов и
              волонтёров.
            </p>
            <a href="/resources">Открыть банк ресурсов</a>
          </article>
        </div>
      </section>

      <section aria-labelledby="soon-title" class="section">
        <h2 id="soon-title">Скоро</h2>
        <ul class="soon-list">
          <li>
            <strong>Консультации</strong> — вопросы юристам, бухгалтерам, грантовым экспертам и представителям
            органов власти.
          </li>
          <li>
            <strong>Дайджесты</strong> — новости кластера, конкурсы и события на электронную почту.
          </li>
        </ul>
      </section>
    </>
  );
}
