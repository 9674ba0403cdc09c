import { CERTIFICATE_CODE, typedCode } from "@cluster/core/certificate/schema";
import { useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/field";
import { PageTitle } from "../../ui/page-title";

/** Anyone holding a certificate's code checks it here. */
export default function CertificateCheckPage() {
  const [code, setCode] = createSignal("");
  const [error, setError] = createSignal<string>();
  const navigate = useNavigate();
  return (
    <article class="narrow">
      <PageTitle>Проверка сертификата</PageTitle>
      <p>Введите код с сертификата Кластера НКО Калужской области — 12 букв и цифр.</p>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const typed = typedCode(code());
          if (!CERTIFICATE_CODE.test(typed)) {
            setError("Код сертификата — 12 букв и цифр, например ABCD-EFGH-JK23");
            return;
          }
          setError(undefined);
          navigate(`/certificates/${typed}`);
        }}
      >
        <TextField name="code" label="Код проверки" value={code()} onValue={setCode} error={error()} />
        <div class="actions">
          <Button type="submit">Проверить</Button>
        </div>
      </form>
    </article>
  );
}
