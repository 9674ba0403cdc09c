import type { UpdateEvent } from "@cluster/core/event/schema";
import { createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import { Show } from "solid-js";
import { getEvent, updateEvent } from "../../data/events";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";
import { CoverField } from "./cover";
import { EventForm } from "./form";

export default function EditEventPage() {
  const params = useParams<{ id: string }>();
  const event = createAsync(() => getEvent(params.id));
  const update = useAction(updateEvent);
  const submission = useSubmission(updateEvent);
  return (
    <div class="narrow">
      <PageTitle>Изменить мероприятие</PageTitle>
      <SignInGate reason="Чтобы изменить мероприятие, войдите по электронной почте.">
        <DataBoundary>
          <Show when={event() !== undefined}>
            <Show
              when={event()?.may.manage ? event() : undefined}
              fallback={<p>Изменять мероприятие может его организатор или координатор.</p>}
            >
              {(current) => (
                <>
                  <p class="lead">
                    Участники получат письмо об изменениях с обновлённым приглашением для календаря.{" "}
                    <a href={`/events/${current().id}`}>Вернуться к мероприятию</a>
                  </p>
                  <CoverField event={current()} />
                  <EventForm
                    initial={current()}
                    pending={submission.pending}
                    submitLabel={() => "Сохранить изменения"}
                    save={(input) => update(current().id, input as UpdateEvent)}
                  />
                </>
              )}
            </Show>
          </Show>
        </DataBoundary>
      </SignInGate>
    </div>
  );
}
