import type { CreateEvent } from "@cluster/core/event/schema";
import { useAction, useSubmission } from "@solidjs/router";
import { createEvent } from "../../data/events";
import { PageTitle } from "../../ui/page-title";
import { SignInGate } from "../login/gate";
import { EventForm } from "./form";

export default function NewEventPage() {
  const create = useAction(createEvent);
  const submission = useSubmission(createEvent);
  return (
    <div class="narrow">
      <PageTitle>Новое мероприятие</PageTitle>
      <p class="lead">
        Координаторы публикуют мероприятия сразу; организации — участники кластера предлагают их, и
        координатор публикует предложение или возвращает его с пояснением. Время — московское.
      </p>
      <SignInGate reason="Чтобы создать мероприятие, войдите по электронной почте.">
        <EventForm
          pending={submission.pending}
          submitLabel={(coordinator) => (coordinator ? "Опубликовать" : "Отправить координаторам")}
          save={(input) => create(input as CreateEvent)}
        />
      </SignInGate>
    </div>
  );
}
