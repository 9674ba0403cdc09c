import { municipalityName, organisationKindName, sphereName } from "@cluster/core/reference";
import { createAsync, useParams } from "@solidjs/router";
import { For, type JSX, Match, Show, Switch } from "solid-js";
import { getMember, isFullRecord } from "../../data/members";
import { Alert } from "../../ui/alert";
import { formatDate } from "../../ui/format";
import { OrganisationLogo } from "../../ui/logo";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { OrganisationLedger } from "../resources/ledger";

const contactLabels = {
  email: "Электронная почта",
  phone: "Телефон",
  address: "Адрес",
  person: "Контактное лицо",
} as const;

function contactValue(key: keyof typeof contactLabels, value: string): JSX.Element {
  if (key === "email") return <a href={`mailto:${value}`}>{value}</a>;
  if (key === "phone") return <a href={`tel:${value.replace(/[^\d+]/g, "")}`}>{value}</a>;
  return value;
}

const websiteHref = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

export default function MemberPage() {
  const params = useParams<{ id: string }>();
  const member = createAsync(() => getMember(params.id));

  return (
    <DataBoundary>
      <Show when={member() !== undefined}>
        <Show when={member()} fallback={<MemberNotFound />}>
          {(view) => {
            const organisation = () => view().organisation;
            const full = () => {
              const o = organisation();
              return isFullRecord(o) ? o : undefined;
            };
            const contacts = () =>
              (Object.keys(contactLabels) as (keyof typeof contactLabels)[]).flatMap((key) => {
                const contact = organisation().contacts[key];
                return contact?.value ? [{ key, ...contact }] : [];
              });
            return (
              <article class="profile">
                <div class="profile-header">
                  <Show when={organisation().logoUrl}>
                    {(src) => (
                      <OrganisationLogo
                        src={src()}
                        name={organisation().name}
                        size={160}
                        class="logo--profile"
                      />
                    )}
                  </Show>
                  <PageTitle>{organisation().name}</PageTitle>
                </div>
                <Show when={organisation().demo}>
                  <p>
                    <span class="badge">демо</span> Демонстрационная запись: такой организации нет.
                  </p>
                </Show>

                <Switch>
                  <Match when={full()?.status === "pending"}>
                    <Alert kind="info" title="Заявка на рассмотрении">
                      <p>
                        Координаторы кластера проверяют заявку и сообщат решение по электронной почте. До
                        одобрения профиль видят только представители организации и координаторы.
                      </p>
                    </Alert>
                  </Match>
                  <Match when={full()?.status === "rejected"}>
                    <Alert kind="warning" title="Заявка отклонена">
                      <Show when={full()?.rejectionReason}>
                        <p>Причина: {full()?.rejectionReason}</p>
                      </Show>
                      <p>
                        Профиль не виден посетителям портала. Если есть вопросы, напишите координаторам
                        кластера.
                      </p>
                    </Alert>
                  </Match>
                </Switch>

                <Show when={view().canEdit}>
                  <div class="actions">
                    <a href={`/members/${organisation().id}/edit`} class="button button--secondary">
                      Редактировать профиль
                    </a>
                    <a
                      href={`/members/${organisation().id}/representatives`}
                      class="button button--secondary"
                    >
                      Представители
                    </a>
                  </div>
                </Show>

                <dl class="facts">
                  <Show when={organisation().shortName}>
                    <dt>Краткое название</dt>
                    <dd>{organisation().shortName}</dd>
                  </Show>
                  <dt>Вид участника</dt>
                  <dd>{organisationKindName[organisation().kind]}</dd>
                  <dt>Муниципалитет</dt>
                  <dd>{municipalityName[organisation().municipality]}</dd>
                  <dt>Сферы деятельности</dt>
                  <dd>
                    <ul class="plain-list">
                      <For each={organisation().spheres}>{(sphere) => <li>{sphereName[sphere]}</li>}</For>
                    </ul>
                  </dd>
                  <Show when={organisation().inn}>
                    <dt>ИНН</dt>
                    <dd>{organisation().inn}</dd>
                  </Show>
                  <Show when={organisation().ogrn}>
                    <dt>{organisation().ogrn?.length === 15 ? "ОГРНИП" : "ОГРН"}</dt>
                    <dd>{organisation().ogrn}</dd>
                  </Show>
                  <Show when={organisation().approvedAt}>
                    <dt>В кластере с</dt>
                    <dd>{formatDate(organisation().approvedAt)}</dd>
                  </Show>
                </dl>

                <section aria-labelledby="about-title">
                  <h2 id="about-title">О деятельности</h2>
                  <p class="description">{organisation().description}</p>
                </section>

                <section aria-labelledby="contacts-title">
                  <h2 id="contacts-title">Контакты</h2>
                  <Show
                    when={contacts().length > 0 || organisation().website}
                    fallback={<p>Организация не опубликовала контакты.</p>}
                  >
                    <dl class="facts">
                      <Show when={organisation().website}>
                        {(website) => (
                          <>
                            <dt>Сайт</dt>
                            <dd>
                              <a href={websiteHref(website())} rel="external noopener noreferrer">
                                {website()}
                              </a>
                            </dd>
                          </>
                        )}
                      </Show>
                      <For each={contacts()}>
                        {(contact) => (
                          <>
                            <dt>{contactLabels[contact.key]}</dt>
                            <dd>
                              {contactValue(contact.key, contact.value)}
                              <Show when={!contact.public}>
                                <span class="muted">
                                  {" "}
                                  (скрыто от посетителей, видят представители и координаторы)
                                </span>
                              </Show>
                            </dd>
                          </>
                        )}
                      </For>
                    </dl>
                  </Show>
                </section>

                <OrganisationLedger organisationId={organisation().id} />
              </article>
            );
          }}
        </Show>
      </Show>
    </DataBoundary>
  );
}

export function MemberNotFound() {
  return (
    <>
      <PageTitle>Организация не найдена</PageTitle>
      <p>
        Возможно, ссылка устарела, организация ещё не прошла проверку или её профиль удалён.{" "}
        <a href="/members">Вернуться к каталогу</a>
      </p>
    </>
  );
}
