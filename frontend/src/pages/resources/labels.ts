import {
  municipalities,
  online,
  type ResourceCategory,
  resourceCategories,
  wholeRegion,
} from "@cluster/core/reference";
import type { Listing, ResponseView } from "@cluster/core/resource/schema";
import { formatter } from "../../ui/format";

/** Words and option lists of the Resource Bank; no zod here, so that lists and the account page stay light. */

export const kindBadge: Record<Listing["kind"], string> = { offer: "Предлагают", request: "Ищут" };
export const kindFilterName: Record<Listing["kind"], string> = { offer: "Предложения", request: "Запросы" };
export const kindChoiceName: Record<Listing["kind"], string> = { offer: "Предлагаю", request: "Ищу" };

export const conditionsName: Record<Listing["conditions"], string> = {
  free: "Бесплатно",
  cofinancing: "На условиях софинансирования",
};

export const statusName: Record<Listing["status"], string> = {
  draft: "Черновик",
  published: "Опубликовано",
  reserved: "Всё забронировано",
  withdrawn: "Снято с публикации",
  expired: "Срок истёк",
  fulfilled: "Выполнено",
  hidden: "Скрыто координатором",
};

/** The status pill's colour class (see .status--* in styles.css). */
export const statusClass: Record<Listing["status"], string> = {
  draft: "pending",
  published: "approved",
  reserved: "pending",
  withdrawn: "rejected",
  expired: "rejected",
  fulfilled: "approved",
  hidden: "rejected",
};

/** The whole region and online first: they are what most people look for after their own district. */
export const placeOptions = [wholeRegion, online, ...municipalities].map((p) => ({
  value: p.id,
  label: p.name,
}));

export const categoryOptions = resourceCategories.map((c) => ({ value: c.id, label: c.name }));

export const categoryOf = (id: ResourceCategory | "" | undefined) =>
  resourceCategories.find((c) => c.id === id);

/** "12 шт." — the amount with the category's unit, when the category counts things. */
export function quantityText(category: ResourceCategory, quantity: number | undefined): string | undefined {
  if (quantity === undefined) return undefined;
  const unit = categoryOf(category)?.unit;
  return unit ? `${quantity}\u00a0${unit}` : String(quantity);
}

const roubles = formatter(() => new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 }));

export const formatRoubles = (value: number) => `${roubles().format(value)}\u00a0₽`;

export const responseStatusName: Record<ResponseView["status"], string> = {
  pending: "Ждёт ответа",
  accepted: "Принят",
  declined: "Отклонён",
  cancelled: "Отменён",
  fulfilled: "Передано",
};

export const responseStatusClass: Record<ResponseView["status"], string> = {
  pending: "pending",
  accepted: "approved",
  declined: "rejected",
  cancelled: "rejected",
  fulfilled: "approved",
};
