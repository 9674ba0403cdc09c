import type { Participant } from "@cluster/core/event/schema";
import { createAsync, useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { ApiError, type FieldErrors } from "../../data/api";
import {
  approveRegistration,
  checkInParticipant,
  declineRegistration,
  getParticipants,
  messageParticipants,
  participantsFileUrl,
} from "../../data/events";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { RadioGroup } from "../../ui/choice-group";
import { TextArea, TextField } from "../../ui/field";
import { formatDateTime } from "../../ui/format";
import { DataBoundary } from "../../ui/status";
import { registrationStatusName } from "./labels";
import { OrganiserPage } from "./organiser-page";

export default function ParticipantsPage() {
  return (
    <OrganiserPage
      title="Участники"
      signIn="Список участников — для организатора: войдите по электронной почте."
      refusal="Список участников видят организатор мероприятия и координаторы."
    >
      {(event) => (
        <>
          <CheckInForm eventId={event().id} />
          <List eventId={event().id} questions={event().questions} />
          <MessageForm eventId={event().id} />
        </>
      )}
    </OrganiserPage>
  );
}

/** The browser's own QR reader, where there is one (Chrome on Android, Safari 17+). */
type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
const detectorClass = () =>
  (globalThis as { BarcodeDetector?: new (options: { formats: string[] }) => Detector }).BarcodeDetector;

/** At the door: the ticket's QR code through the phone's camera, or its ten characters typed. */
function CheckInForm(props: { eventId: string }) {
  const [ticket, setTicket] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [done, setDone] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [scanning, setScanning] = createSignal(false);
  const checkIn = useAction(checkInParticipant);
  const submission = useSubmission(checkInParticipant);
  let video: HTMLVideoElement | undefined;
  let stream: MediaStream | undefined;

  async function send(code: string) {
    setProblem(undefined);
    setDone(undefined);
    setErrors({});
    try {
      const participant = await checkIn(props.eventId, { ticket: code });
      setDone(`${participant.name} отмечен(а)`);
      setTicket("");
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setProblem(error instanceof ApiError ? error.message : "Не удалось отметить. Попробуйте ещё раз.");
    }
  }

  const stop = () => {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    setScanning(false);
  };
  onCleanup(stop);

  async function scan() {
    const Detector = detectorClass();
    if (!Detector || !navigator.mediaDevices) return;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch {
      setProblem("Камера недоступна: введите код билета вручную.");
      return;
    }
    setScanning(true);
    if (!video) return;
    video.srcObject = stream;
    await video.play();
    const detector = new Detector({ formats: ["qr_code"] });
    while (stream) {
      const [found] = await detector.detect(video).catch(() => []);
      if (found?.rawValue) {
        stop();
        await send(found.rawValue);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  return (
    <section aria-labelledby="check-in-title" class="section">
      <h2 id="check-in-title">Отметка на входе</h2>
      <Show when={done()}>
        {(text) => (
          <Alert kind="success">
            <p>{text()}</p>
          </Alert>
        )}
      </Show>
      <Show when={detectorClass() && globalThis.navigator?.mediaDevices}>
        <div class="actions">
          <Button variant="secondary" onClick={() => (scanning() ? stop() : void scan())}>
            {scanning() ? "Остановить камеру" : "Сканировать QR-код камерой"}
          </Button>
        </div>
        <Show when={scanning()}>
          {/* The camera's picture, to aim at the code: no sound, no captions to give. */}
          <video ref={video} class="scanner" muted playsinline aria-label="Изображение с камеры" />
        </Show>
      </Show>
      <form
        class="form search-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (!submission.pending) void send(ticket());
        }}
        noValidate
      >
        <TextField
          name="ticket"
          label="Код билета"
          hint="Десять букв и цифр под QR-кодом"
          autocomplete="off"
          value={ticket()}
          onValue={setTicket}
          error={errors().ticket}
        />
        <Button type="submit" pending={submission.pending}>
          Отметить
        </Button>
      </form>
      <ProblemAlert message={problem()} />
    </section>
  );
}

function List(props: { eventId: string; questions: { id: string; label: string }[] }) {
  const list = createAsync(() => getParticipants(props.eventId));
  const checkIn = useAction(checkInParticipant);
  const [problem, setProblem] = createSignal<string>();
  const answerOf = (participant: Participant, questionId: string) =>
    participant.answers.find((answer) => answer.questionId === questionId)?.value ?? "";
  const approve = useAction(approveRegistration);
  const decline = useAction(declineRegistration);
  const [declining, setDeclining] = createSignal<Participant>();
  const [reason, setReason] = createSignal("");
  const [reasonError, setReasonError] = createSignal<string>();
  async function decide(work: () => Promise<unknown>) {
    setProblem(undefined);
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.fields.reason) setReasonError(error.fields.reason);
      else setProblem(error instanceof ApiError ? error.message : "Не получилось. Попробуйте ещё раз.");
      return false;
    }
  }
  const [query, setQuery] = createSignal("");
  /** Those without a phone are found by name at the door: by any part of the name, e-mail or organisation. */
  const fold = (text: string) => text.toLowerCase().replaceAll("ё", "е");
  const shown = () =>
    (list()?.items ?? []).filter((participant) =>
      fold([participant.name, participant.email, participant.organisation ?? ""].join(" ")).includes(
        fold(query().trim()),
      ),
    );
  async function mark(participant: Participant) {
    setProblem(undefined);
    try {
      await checkIn(props.eventId, { accountId: participant.accountId });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "Не удалось отметить. Попробуйте ещё раз.");
    }
  }
  return (
    <section aria-labelledby="list-title" class="section">
      <h2 id="list-title">Зарегистрированные</h2>
      <p>
        Скачать список:{" "}
        <a href={participantsFileUrl(props.eventId, "xlsx")} rel="external" download="">
          Excel (XLSX)
        </a>{" "}
        ·{" "}
        <a href={participantsFileUrl(props.eventId, "csv")} rel="external" download="">
          CSV
        </a>
      </p>
      <ProblemAlert message={problem()} />
      <TextField
        name="participantSearch"
        type="search"
        label="Найти участника"
        hint="По имени, почте или организации — для тех, кто без телефона"
        value={query()}
        onValue={setQuery}
      />
      <DataBoundary loading="Загружаем участников…">
        <Show when={list()?.items.length} fallback={<p>Пока никто не зарегистрировался.</p>}>
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Участник</th>
                  <th scope="col">Статус</th>
                  <th scope="col">Участие</th>
                  <For each={props.questions}>{(question) => <th scope="col">{question.label}</th>}</For>
                  <th scope="col">Отметка</th>
                </tr>
              </thead>
              <tbody>
                <For each={shown()}>
                  {(participant) => (
                    <tr>
                      <th scope="row">
                        {participant.name}
                        <br />
                        <span class="muted">{participant.organisation ?? participant.email}</span>
                      </th>
                      <td>{registrationStatusName[participant.status]}</td>
                      <td>{participant.attendance === "online" ? "онлайн" : "очно"}</td>
                      <For each={props.questions}>
                        {(question) => <td>{answerOf(participant, question.id)}</td>}
                      </For>
                      <td>
                        <Show when={participant.status === "pending"}>
                          <div class="actions">
                            <Button
                              variant="link"
                              onClick={() => decide(() => approve(props.eventId, participant.accountId))}
                            >
                              Принять: {participant.name}
                            </Button>
                            <Button
                              variant="link"
                              onClick={() => {
                                setDeclining(participant);
                                setReason("");
                                setReasonError(undefined);
                              }}
                            >
                              Отклонить: {participant.name}
                            </Button>
                          </div>
                        </Show>
                        <Show
                          when={participant.checkedInAt}
                          fallback={
                            <Show when={participant.status === "confirmed"}>
                              <Button variant="link" onClick={() => mark(participant)}>
                                Отметить: {participant.name}
                              </Button>
                            </Show>
                          }
                        >
                          {(at) => <>был(а), {formatDateTime(at())}</>}
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </DataBoundary>
      <Show when={declining()}>
        {(who) => (
          <form
            class="form panel"
            noValidate
            onSubmit={async (event) => {
              event.preventDefault();
              const done = await decide(() => decline(props.eventId, who().accountId, reason()));
              if (done) setDeclining(undefined);
            }}
          >
            <TextArea
              name="reason"
              label={`Причина отказа: ${who().name}`}
              hint="Её прочтут в письме и на странице мероприятия"
              rows={3}
              value={reason()}
              onValue={setReason}
              error={reasonError()}
            />
            <div class="actions">
              <Button type="submit" variant="danger">
                Отклонить и сообщить
              </Button>
              <Button variant="secondary" onClick={() => setDeclining(undefined)}>
                Не отклонять
              </Button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}

function MessageForm(props: { eventId: string }) {
  const [to, setTo] = createSignal<"confirmed" | "everyone">("confirmed");
  const [subject, setSubject] = createSignal("");
  const [text, setText] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [sent, setSent] = createSignal<number>();
  const send = useAction(messageParticipants);
  const submission = useSubmission(messageParticipants);
  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setProblem(undefined);
    setErrors({});
    try {
      const result = await send(props.eventId, { to: to(), subject: subject(), text: text() });
      setSent(result.sent);
      setSubject("");
      setText("");
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else
        setProblem(error instanceof ApiError ? error.message : "Не удалось отправить. Попробуйте ещё раз.");
    }
  }
  return (
    <section aria-labelledby="message-title" class="section">
      <h2 id="message-title">Написать участникам</h2>
      <Show when={sent()}>
        {(count) => (
          <Alert kind="success">
            <p>Письмо отправлено: {count()}.</p>
          </Alert>
        )}
      </Show>
      <form class="form" onSubmit={onSubmit} noValidate>
        <RadioGroup
          name="to"
          legend="Кому"
          options={[
            { value: "confirmed", label: "Зарегистрированным" },
            { value: "everyone", label: "Всем, включая лист ожидания" },
          ]}
          value={to()}
          onValue={(value) => setTo(value as "confirmed" | "everyone")}
        />
        <TextField
          name="subject"
          label="Тема"
          value={subject()}
          onValue={setSubject}
          error={errors().subject}
        />
        <TextArea name="text" label="Текст" rows={5} value={text()} onValue={setText} error={errors().text} />
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button type="submit" pending={submission.pending}>
            Отправить письмо
          </Button>
        </div>
      </form>
    </section>
  );
}
