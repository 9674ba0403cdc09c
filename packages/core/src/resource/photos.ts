import type { Actor } from "../actor";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, NotFound, stale } from "../errors";
import { ulid } from "../shared/ulid";
import { uploadedImage } from "../shared/uploaded-image";
import { openStatuses } from "./entity";
import { canManage, findListing, type ListingItem, listingWrites, requireManager, view } from "./listings";
import { db } from "./store";

/** A listing shows at most this many photos: enough to see a hall or a pile of boxes. */
export const MAX_PHOTOS = 5;

const changeable = new Set(["draft", "published", "reserved"]);

/** Writes the photo change and the listing's photo list in one transaction, on the version read. */
async function change(
  current: ListingItem,
  photoIds: string[],
  photo: { put?: { id: string; contentType: string; data: string }; remove?: string },
) {
  try {
    await writeAll(db, (entities) => [
      ...(photo.put ? [entities.listingPhoto.put({ listingId: current.id, ...photo.put }).commit()] : []),
      ...(photo.remove
        ? [entities.listingPhoto.delete({ listingId: current.id, id: photo.remove }).commit()]
        : []),
      ...listingWrites(entities, current, { ...current, photoIds, version: current.version + 1 }),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  return view(await findListing(current.id));
}

export async function addPhoto(actor: Actor, id: string, contentType: string, bytes: Uint8Array) {
  const image = uploadedImage(bytes, contentType, "photo", "Фотография должна быть не больше 200 КБ");
  const current = await findListing(id);
  await requireManager(actor, current);
  if (!changeable.has(current.status)) throw new Conflict("Закрытое объявление нельзя изменить", "closed");
  const photoIds = current.photoIds ?? [];
  if (photoIds.length >= MAX_PHOTOS) {
    throw new Conflict(`Не больше ${MAX_PHOTOS} фотографий`, "too_many", {
      photo: `Не больше ${MAX_PHOTOS} фотографий`,
    });
  }
  const photoId = ulid();
  return change(current, [...photoIds, photoId], {
    put: { id: photoId, ...image },
  });
}

export async function removePhoto(actor: Actor, id: string, photoId: string) {
  const current = await findListing(id);
  await requireManager(actor, current);
  const photoIds = current.photoIds ?? [];
  if (!photoIds.includes(photoId)) throw new NotFound("Фотография не найдена");
  return change(
    current,
    photoIds.filter((other) => other !== photoId),
    { remove: photoId },
  );
}

/** A photo's bytes, visible wherever the listing itself is. */
export async function photo(actor: Actor, id: string, photoId: string) {
  const listing = await findListing(id);
  if (!openStatuses.has(listing.status) && !(await canManage(actor, listing))) {
    throw new NotFound("Объявление не найдено");
  }
  const { data } = await db().entities.listingPhoto.get({ listingId: id, id: photoId }).go();
  if (!data) throw new NotFound("Фотография не найдена");
  return { contentType: data.contentType, bytes: Buffer.from(data.data, "base64") };
}
