import type { Actor } from "../actor";
import { store } from "../db/store";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, NotFound, stale } from "../errors";
import * as Clock from "../shared/clock";
import { ulid } from "../shared/ulid";
import { uploadedImage } from "../shared/uploaded-image";
import { EventCoverEntity, EventEntity } from "./entity";
import { detailOf, type EventItem, findEvent, organisedBy } from "./events";

/** Its own view of the table: only the editor writes covers and serves them. */
const db = /* @__PURE__ */ store({ event: EventEntity, eventCover: EventCoverEntity });

async function editable(actor: Actor, id: string) {
  const event = await organisedBy(actor, id, "Обложку меняет организатор или координатор");
  if (event.status === "cancelled") throw new Conflict("Мероприятие отменено", "cancelled");
  return event;
}

/** The new cover and the event's pointer to it in one transaction on the version read; the old one goes. */
async function replace(actor: Actor, event: EventItem, cover?: { contentType: string; data: string }) {
  const coverId = cover ? ulid() : undefined;
  try {
    await writeAll(db, ({ event: events, eventCover }) => {
      const pointer = events.patch({ id: event.id });
      return [
        ...(cover && coverId ? [eventCover.put({ eventId: event.id, id: coverId, ...cover }).commit()] : []),
        ...(event.coverId ? [eventCover.delete({ eventId: event.id, id: event.coverId }).commit()] : []),
        (coverId ? pointer.set({ coverId }) : pointer.remove(["coverId"]))
          .add({ version: 1 })
          .where(({ version }, { eq }) => eq(version, event.version))
          .commit(),
      ];
    });
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  return detailOf(actor, await findEvent(event.id), undefined, Clock.now());
}

/** The organiser sets the cover picture: checked by its bytes, not its name, as the listings' photos. */
export async function setCover(actor: Actor, id: string, contentType: string, bytes: Uint8Array) {
  const image = uploadedImage(bytes, contentType, "cover", "Обложка должна быть не больше 200 КБ");
  return replace(actor, await editable(actor, id), image);
}

export async function removeCover(actor: Actor, id: string) {
  const event = await editable(actor, id);
  if (!event.coverId) throw new NotFound("У мероприятия нет обложки");
  return replace(actor, event);
}

/** The cover's bytes, wherever the event itself is visible (a proposal's, to its organisers). */
export async function cover(actor: Actor, id: string, coverId: string) {
  const event = await findEvent(id);
  if (event.status !== "published" && event.status !== "cancelled") {
    await organisedBy(actor, id, "");
  }
  if (event.coverId !== coverId) throw new NotFound("Обложка не найдена");
  const { data } = await db().entities.eventCover.get({ eventId: id, id: coverId }).go();
  if (!data) throw new NotFound("Обложка не найдена");
  return { contentType: data.contentType, bytes: Buffer.from(data.data, "base64") };
}
