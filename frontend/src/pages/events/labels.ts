import type { EventView, Material, RegistrationView } from "@cluster/core/event/schema";
import { eventFormats, eventKindName, eventKinds, municipalityName } from "@cluster/core/reference";
import { formatDayTime } from "../../ui/format";

export const kindOptions = eventKinds.map((kind) => ({ value: kind.id, label: kind.name }));
export const formatOptions = eventFormats.map((format) => ({ value: format.id, label: format.name }));

/** "Вебинар · пятница, 11 декабря в 18:00 (мск) · онлайн" */
export function eventMeta(event: EventView) {
  const town = event.municipality
    ? municipalityName[event.municipality as keyof typeof municipalityName]
    : "";
  const place = event.format === "online" ? "онлайн" : event.format === "hybrid" ? `${town} и онлайн` : town;
  return [eventKindName[event.kind], `${formatDayTime(event.startsAt, { weekday: true })} (мск)`, place].join(
    " · ",
  );
}

/** "Осталось 3 места из 20", "Мест нет, в листе ожидания 4", "Без ограничения мест" */
export function seatsText(event: EventView) {
  const counts = [event.seats.inPerson, event.seats.online].filter((seat) => seat !== undefined);
  const limited = counts.filter((seat) => seat.capacity !== undefined);
  if (limited.length < counts.length) return "Свободная регистрация";
  const left = limited.reduce((sum, seat) => sum + Math.max(0, (seat.capacity ?? 0) - seat.taken), 0);
  const total = limited.reduce((sum, seat) => sum + (seat.capacity ?? 0), 0);
  if (left > 0) return `Свободно мест: ${left} из ${total}`;
  return event.waiting > 0
    ? `Мест нет, в листе ожидания: ${event.waiting}`
    : "Мест нет, можно встать в лист ожидания";
}

export const registrationStatusName: Record<RegistrationView["status"], string> = {
  pending: "Заявка на рассмотрении у организатора",
  declined: "Организатор отклонил заявку",
  confirmed: "Вы зарегистрированы",
  waiting: "Вы в листе ожидания",
  offered: "Для вас освободилось место",
  cancelled: "Регистрация отменена",
  expired: "Предложение места истекло",
};

export const materialKindName: Record<Material["kind"], string> = {
  recording: "Запись",
  slides: "Презентация",
  link: "Ссылка",
};
export const materialKindOptions = (Object.keys(materialKindName) as Material["kind"][]).map((value) => ({
  value,
  label: materialKindName[value],
}));
