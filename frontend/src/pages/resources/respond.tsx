import { CreateResponse, type Listing } from "@cluster/core/resource/schema";
import { useAction, useSubmission } from "@solidjs/router";
import { createEffect, createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { respond } from "../../data/resources";
import { useSession } from "../../providers/session";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { TextArea, TextField } from "../../ui/field";
import { blankToUndefined, issuesToFields } from "../../ui/form";
import { Select } from "../../ui/select";
import { SignInGate } from "../login/gate";
import { categoryOf } from "./labels";

const self = "self";

const labels = {
  organisationId: "От чьего имени",
  message: "Сообщение автору",
  quantity: "Сколько нужно",
  wantedFrom: "С какого числа",
  wantedTo: "По какое число",
};

/** "Откликнуться": a member asks for an offer or offers help to a request. */
export function RespondSection(props: { listing: Listing }) {
  return (
    <section aria-labelledby="respond-title" class="section panel">
      <h2 id="respond-title">{props.listing.kind === "offer" ? "Хотите получить?" : "Можете помочь?"}</h2>
      <SignInGate reason="Чтобы откликнуться, войдите по электронной почте.">
        <RespondForm listing={props.listing} />
      </SignInGate>
    </section>
  );
}

function RespondForm(props: { listing: Listing }) {
  const { session } = useSession();
  const organisations = () => (session()?.memberships ?? []).filter((m) => m.status === "approved");
  const [form, setForm] = createStore({ owner: "", message: "", quantity: "", wantedFrom: "", wantedTo: "" });
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [sent, setSent] = createSignal<string>();
  const send = useAction(respond);
  const submission = useSubmission(respond);
  let summary: HTMLElement | undefined;
  const counts = () =>
    props.listing.remaining !== undefined && categoryOf(props.listing.category)?.hasQuantity;

  createEffect(() => {
    if (!form.owner) setForm("owner", organisations()[0]?.organisationId ?? self);
  });

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setProblem(undefined);
    const parsed = CreateResponse.safeParse({
      listingId: props.listing.id,
      organisationId: form.owner === self ? undefined : form.owner,
      message: form.message,
      quantity: counts() && form.quantity.trim() ? Number(form.quantity) : undefined,
      wantedFrom: blankToUndefined(form.wantedFrom),
      wantedTo: blankToUndefined(form.wantedTo),
    });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    setErrors({});
    try {
      const created = await send(parsed.data);
      if (created) setSent(created.id);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        requestAnimationFrame(() => summary?.focus());
        return;
      }
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось отправить отклик. Попробуйте ещё раз.",
      );
    }
  }

  return (
    <Show
      when={!sent()}
      fallback={
        <Alert kind="success" title="Отклик отправлен">
          <p>
            Автор получил письмо. Когда он примет отклик, вы увидите контакты друг друга.{" "}
            <a href={`/responses/${sent()}`}>Открыть отклик и переписку</a>
          </p>
        </Alert>
      }
    >
      <form class="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors()} labels={labels} ref={(el) => (summary = el)} />
        <Select
          name="organisationId"
          label={labels.organisationId}
          hint={
            props.listing.kind === "offer"
              ? "Получить ресурс может организация — участник кластера."
              : "Помочь может организация или вы лично."
          }
          options={[
            ...organisations().map((o) => ({ value: o.organisationId, label: o.name })),
            { value: self, label: "От себя (частное лицо)", disabled: props.listing.kind === "offer" },
          ]}
          value={form.owner}
          onValue={(value) => setForm("owner", value)}
          error={errors().organisationId}
        />
        <Show when={props.listing.kind === "offer" && organisations().length === 0}>
          <Alert kind="info">
            <p>
              Получать ресурсы могут организации, принятые в кластер. <a href="/join">Подать заявку</a>
            </p>
          </Alert>
        </Show>
        <TextArea
          name="message"
          label={labels.message}
          hint="Для чего нужен ресурс, когда и как удобно его передать."
          value={form.message}
          onValue={(value) => setForm("message", value)}
          error={errors().message}
        />
        <Show when={counts()}>
          <TextField
            name="quantity"
            label={labels.quantity}
            hint={`Доступно: ${props.listing.remaining}`}
            type="number"
            inputmode="numeric"
            min={1}
            max={props.listing.remaining}
            value={form.quantity}
            onValue={(value) => setForm("quantity", value)}
            error={errors().quantity}
          />
        </Show>
        <TextField
          name="wantedFrom"
          label={`${labels.wantedFrom} (необязательно)`}
          type="date"
          value={form.wantedFrom}
          onValue={(value) => setForm("wantedFrom", value)}
          error={errors().wantedFrom}
        />
        <TextField
          name="wantedTo"
          label={`${labels.wantedTo} (необязательно)`}
          type="date"
          value={form.wantedTo}
          onValue={(value) => setForm("wantedTo", value)}
          error={errors().wantedTo}
        />
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button type="submit" pending={submission.pending}>
            Откликнуться
          </Button>
        </div>
      </form>
    </Show>
  );
}
