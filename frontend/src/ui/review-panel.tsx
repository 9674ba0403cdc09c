import { createSignal } from "solid-js";
import { ApiError, type FieldErrors } from "../data/api";
import { ProblemAlert } from "./alert";
import { Button } from "./button";
import { TextArea } from "./field";

/**
 * A coordinator's decision on a member's proposal (an event, a material): publish it, or return it
 * with what to improve, which its author gets by mail.
 */
export function ReviewPanel(props: {
  publish: () => Promise<unknown>;
  sendBack: (reason: string) => Promise<unknown>;
  publishing?: boolean;
  returning?: boolean;
  /** Who gets the reason by mail: «Организатор», «Автор». */
  author: string;
}) {
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const run = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    setErrors({});
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setProblem(error instanceof ApiError ? error.message : "Не получилось. Попробуйте ещё раз.");
    }
  };
  return (
    <section aria-labelledby="review-title" class="panel">
      <h2 id="review-title">Рассмотрение</h2>
      <div class="actions">
        <Button pending={props.publishing} onClick={() => run(props.publish)}>
          Опубликовать
        </Button>
      </div>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.returning) void run(() => props.sendBack(reason()));
        }}
      >
        <TextArea
          name="returnReason"
          label="Что доработать"
          hint={`${props.author} получит это письмом`}
          rows={3}
          value={reason()}
          onValue={setReason}
          error={errors().reason}
        />
        <Button type="submit" variant="secondary" pending={props.returning}>
          Вернуть на доработку
        </Button>
      </form>
      <ProblemAlert message={problem()} />
    </section>
  );
}
