import { printedCode } from "@cluster/core/certificate/schema";
import { createAsync, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { getCertificate } from "../../data/events";
import { Alert } from "../../ui/alert";
import { formatDate } from "../../ui/format";
import { PageTitle, useMetaDescription } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";

/** The public check of one certificate: what it says, as it was issued. */
export default function CertificatePage() {
  const params = useParams<{ code: string }>();
  const certificate = createAsync(() => getCertificate(params.code));
  useMetaDescription(() => "Проверка подлинности сертификата Кластера НКО Калужской области");
  return (
    <article class="narrow">
      <PageTitle>Проверка сертификата</PageTitle>
      <DataBoundary>
        <Show when={certificate() !== undefined}>
          <Show
            when={certificate()}
            fallback={
              <Alert kind="warning" title="Сертификат не найден">
                <p>
                  Сертификат с кодом {printedCode(params.code.toUpperCase())} не выдавался. Проверьте код или{" "}
                  <a href="/certificates">введите его заново</a>.
                </p>
              </Alert>
            }
          >
            {(found) => (
              <>
                <Alert kind="success" title="Сертификат подлинный">
                  <p>
                    Выдан {formatDate(found().issuedAt)} Кластером НКО Калужской области, код{" "}
                    {printedCode(found().code)}.
                  </p>
                </Alert>
                <dl class="facts">
                  <dt>Документ</dt>
                  <dd>{found().heading}</dd>
                  <dt>Кому</dt>
                  <dd>{found().name}</dd>
                  <dt>За что</dt>
                  <dd>
                    {found().deed} «<a href={found().subjectPath}>{found().title}</a>»
                  </dd>
                  <dt>Когда и где</dt>
                  <dd>{found().details}</dd>
                </dl>
              </>
            )}
          </Show>
        </Show>
      </DataBoundary>
    </article>
  );
}
