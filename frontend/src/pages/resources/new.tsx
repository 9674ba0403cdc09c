import { CreateListing, type Listing } from "@cluster/core/resource/schema";
import { useAction, useNavigate, useSubmission } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { createStore, type SetStoreFunction } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { createResource } from "../../data/resources";
import { useSession } from "../../providers/session";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { RadioGroup } from "../../ui/choice-group";
import { ErrorSummary } from "../../ui/error-summary";
import { issuesToFields } from "../../ui/form";
import { PageTitle } from "../../ui/page-title";
import { Select } from "../../ui/select";
import { SignInGate } from "../login/gate";
import { emptyListing, ListingFields, type ListingForm, listingInput, listingLabels } from "./fields";
import { kindChoiceName } from "./labels";

/** The owner select's value for "from myself"; organisation ids never look like this. */
const self = "self";

type Header = { kind: Listing["kind"]; owner: string };

const privateRequest =
  "Запросы размещают организации — участники кластера; частное лицо может только предложить";

export default function NewListing() {
  // The form lives above the sign-in gate: if the session ends mid-way, typed data survives the new sign-in.
  const [header, setHeader] = createStore<Header>({ kind: "offer", owner: "" });
  const [form, setForm] = createStore<ListingForm>(emptyListing());
  return (
    <div class="narrow">
      <PageTitle>Новое объявление</PageTitle>
      <p class="lead">
        Предложите ресурс, которым готовы поделиться, или напишите, что ищете. Объявление сохранится
        черновиком: проверьте его и опубликуйте — тогда его увидят в банке ресурсов.
      </p>
      <SignInGate reason="Чтобы разместить объявление, войдите по электронной почте.">
        <ListingCreateForm header={header} setHeader={setHeader} form={form} setForm={setForm} />
      </SignInGate>
    </div>
  );
}

function ListingCreateForm(props: {
  header: Header;
  setHeader: SetStoreFunction<Header>;
  form: ListingForm;
  setForm: SetStoreFunction<ListingForm>;
}) {
  const { session } = useSession();
  const navigate = useNavigate();
  const organisations = () => (session()?.memberships ?? []).filter((m) => m.status === "approved");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const create = useAction(createResource);
  const submission = useSubmission(createResource);
  let summary: HTMLElement | undefined;
  let problemBox: HTMLDivElement | undefined;

  // The first approved organisation by default; a person without one posts as themselves.
  createEffect(() => {
    const owner = props.header.owner;
    const valid = owner === self || organisations().some((o) => o.organisationId === owner);
    if (!valid) props.setHeader("owner", organisations()[0]?.organisationId ?? self);
  });

  const privateAsking = () => props.header.kind === "request" && props.header.owner === self;

  // Choosing "Ищу" while posting as oneself moves to an organisation when there is one.
  createEffect(
    on(
      () => props.header.kind,
      (kind) => {
        const first = organisations()[0];
        if (kind === "request" && props.header.owner === self && first)
          props.setHeader("owner", first.organisationId);
      },
      { defer: true },
    ),
  );

  function showErrors(fields: FieldErrors) {
    setErrors(fields);
    requestAnimationFrame(() => summary?.focus());
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setProblem(undefined);
    const owner = props.header.owner === self ? undefined : props.header.owner;
    const parsed = CreateListing.safeParse({
      kind: props.header.kind,
      organisationId: owner,
      ...listingInput(props.form),
    });
    const ownerError: FieldErrors = privateAsking() ? { organisationId: privateRequest } : {};
    if (!parsed.success || ownerError.organisationId) {
      showErrors({ ...ownerError, ...(parsed.success ? {} : issuesToFields(parsed.error.issues)) });
      return;
    }
    setErrors({});
    try {
      const listing = await create(parsed.data);
      if (!listing) return;
      navigate(`/resources/${listing.id}`, {
        state: { notice: "Черновик сохранён. Проверьте объявление и опубликуйте его." },
      });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        showErrors(error.fields);
        if (error.status !== 422) setProblem(error.message);
        return;
      }
      setProblem(error instanceof ApiError ? error.message : "Не удалось сохранить. Попробуйте ещё раз.");
      requestAnimationFrame(() => problemBox?.focus());
    }
  }

  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors()} labels={listingLabels} ref={(el) => (summary = el)} />
      <RadioGroup
        name="kind"
        legend="Тип объявления"
        options={(["offer", "request"] as const).map((k) => ({ value: k, label: kindChoiceName[k] }))}
        value={props.header.kind}
        onValue={(value) => props.setHeader("kind", value as Listing["kind"])}
        error={errors().kind}
      />
      <Select
        name="organisationId"
        label="От чьего имени"
        hint={
          props.header.kind === "request"
            ? "Искать ресурсы могут только организации — участники кластера. Частное лицо может только предлагать."
            : organisations().length === 0
              ? "Вы не представляете организацию — участника кластера, поэтому объявление будет от вас лично."
              : undefined
        }
        options={[
          ...organisations().map((o) => ({ value: o.organisationId, label: o.name })),
          { value: self, label: "От себя (частное лицо)", disabled: props.header.kind === "request" },
        ]}
        value={props.header.owner}
        onValue={(value) => props.setHeader("owner", value)}
        error={errors().organisationId ?? (privateAsking() ? privateRequest : undefined)}
      />
      <Show when={privateAsking() && organisations().length === 0}>
        <Alert kind="info">
          <p>
            Разместить запрос может организация, принятая в кластер.{" "}
            <a href="/join">Подать заявку на вступление</a> или выберите «Предлагаю», чтобы предложить ресурс
            от себя.
          </p>
        </Alert>
      </Show>
      <ListingFields form={props.form} setForm={props.setForm} errors={errors()} />
      <Show when={problem()}>
        <Alert kind="error" ref={(el) => (problemBox = el)} tabIndex={-1}>
          <p>{problem()}</p>
        </Alert>
      </Show>
      <div class="actions">
        <Button type="submit" pending={submission.pending}>
          Сохранить черновик
        </Button>
        <a href="/resources" class="button button--secondary">
          Отмена
        </a>
      </div>
    </form>
  );
}
