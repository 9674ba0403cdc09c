import { type Listing, UpdateListing } from "@cluster/core/resource/schema";
import { createAsync, revalidate, useAction, useNavigate, useParams, useSubmission } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { fetchResource, getResource, updateResource } from "../../data/resources";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { issuesToFields } from "../../ui/form";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";
import { ListingNotFound } from "./detail";
import { ListingFields, type ListingForm, listingInput, listingLabels, listingToForm } from "./fields";
import { kindBadge } from "./labels";

const title = "Редактирование объявления";

export default function EditListing() {
  const params = useParams<{ id: string }>();
  const view = createAsync(() => getResource(params.id));
  return (
    <div class="narrow">
      <SignInGate title={title} reason="Редактировать объявление может его автор после входа.">
        <DataBoundary>
          <Show when={view() !== undefined}>
            <Show when={view()} fallback={<ListingNotFound />}>
              {(current) => (
                <Show
                  when={
                    current().canEdit &&
                    (current().listing.status === "draft" || current().listing.status === "published")
                      ? current().listing
                      : undefined
                  }
                  fallback={
                    <>
                      <PageTitle>{title}</PageTitle>
                      <Alert kind="warning">
                        <p>
                          {current().canEdit
                            ? "Закрытое объявление изменить нельзя."
                            : "Редактировать объявление могут только его автор, представители организации и координаторы."}{" "}
                          <a href={`/resources/${params.id}`}>Открыть объявление</a>
                        </p>
                      </Alert>
                    </>
                  }
                >
                  {(listing) => <EditForm listing={listing()} />}
                </Show>
              )}
            </Show>
          </Show>
        </DataBoundary>
      </SignInGate>
    </div>
  );
}

function EditForm(props: { listing: Listing }) {
  const navigate = useNavigate();
  // The form keeps what the person typed; the version it edits is taken when the form is filled.
  const [form, setForm] = createStore<ListingForm>(listingToForm(props.listing));
  const [version, setVersion] = createSignal(props.listing.version);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [stale, setStale] = createSignal(false);
  const [reloading, setReloading] = createSignal(false);
  const save = useAction(updateResource);
  const submission = useSubmission(updateResource);
  const id = props.listing.id;
  let summary: HTMLElement | undefined;
  let problemBox: HTMLDivElement | undefined;

  const focusProblem = () => requestAnimationFrame(() => problemBox?.focus());

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setProblem(undefined);
    setStale(false);
    const parsed = UpdateListing.safeParse({ ...listingInput(form), version: version() });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    setErrors({});
    try {
      await save(id, parsed.data);
      navigate(`/resources/${id}`, { state: { notice: "Изменения сохранены." } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code === "stale") {
        setStale(true);
        focusProblem();
        return;
      }
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        requestAnimationFrame(() => summary?.focus());
        return;
      }
      setProblem(error instanceof ApiError ? error.message : "Не удалось сохранить. Попробуйте ещё раз.");
      focusProblem();
    }
  }

  /** After a conflict: load the current listing and put it into the form (the person's edits are replaced). */
  async function loadLatest() {
    if (reloading()) return;
    setReloading(true);
    // Straight from the server, not the router's cache: the form must get exactly what is stored now.
    let latest: Awaited<ReturnType<typeof fetchResource>>;
    try {
      latest = await fetchResource(id);
    } catch (error) {
      setReloading(false);
      setProblem(error instanceof ApiError ? error.message : "Не удалось загрузить. Попробуйте ещё раз.");
      focusProblem();
      return;
    }
    setReloading(false);
    void revalidate(getResource.keyFor(id));
    if (latest) {
      setForm(reconcile(listingToForm(latest.listing)));
      setVersion(latest.listing.version);
    }
    setStale(false);
    setErrors({});
  }

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <a href={`/resources/${id}`}>← {props.listing.title}</a>
      </p>
      <p>
        <span class={`badge badge--${props.listing.kind}`}>{kindBadge[props.listing.kind]}</span>{" "}
        {props.listing.owner.name}
      </p>
      <form class="form" onSubmit={onSubmit} noValidate aria-label={title}>
        <ErrorSummary errors={errors()} labels={listingLabels} ref={(el) => (summary = el)} />
        <p class="field-hint">
          Тип объявления и владельца изменить нельзя. Если нужно другое, снимите это объявление с публикации и
          разместите новое.
        </p>
        <ListingFields form={form} setForm={setForm} errors={errors()} />
        <Show when={stale()}>
          <Alert kind="warning" title="Объявление уже изменили" ref={(el) => (problemBox = el)} tabIndex={-1}>
            <p>
              Пока вы редактировали, объявление изменили в другом окне или это сделал другой представитель
              организации. Загрузите актуальную версию и внесите свои правки ещё раз. Ваши несохранённые
              изменения при этом пропадут — при необходимости скопируйте их.
            </p>
            <Button variant="secondary" pending={reloading()} onClick={loadLatest}>
              Загрузить актуальную версию
            </Button>
          </Alert>
        </Show>
        <Show when={problem()}>
          <Alert kind="error" ref={(el) => (problemBox = el)} tabIndex={-1}>
            <p>{problem()}</p>
          </Alert>
        </Show>
        <div class="actions">
          <Button type="submit" pending={submission.pending}>
            Сохранить изменения
          </Button>
          <a href={`/resources/${id}`} class="button button--secondary">
            Отмена
          </a>
        </div>
      </form>
    </>
  );
}
