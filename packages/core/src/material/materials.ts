import type { EntityItem } from "electrodb";
import { type Actor, hasRole, requireCoordinator, requirePerson } from "../actor";
import { pageOptions } from "../db/paging";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Forbidden, Invalid, NotFound, stale, Unauthorized } from "../errors";
import { copyObject, downloadUrl, removeObject } from "../files/storage";
import { checkedUpload, type FileUpload, uploadKey } from "../files/uploads";
import { deliver, isConditionFailure, queued } from "../mail/index";
import * as Templates from "../mail/templates";
import { partyOf } from "../member/party";
import * as Search from "../search/index";
import * as Clock from "../shared/clock";
import { markdownText, renderMarkdown } from "../shared/markdown";
import { ulid } from "../shared/ulid";
import type { MaterialEntity } from "./entity";
import type {
  CreateMaterial,
  MaterialCard,
  MaterialDetail,
  MaterialHit,
  MaterialQuery,
  NewFileVersion,
  UpdateMaterial,
} from "./schema";
import { db, type MaterialWriters } from "./store";

type MaterialItem = EntityItem<typeof MaterialEntity>;

/** Experts and coordinators publish to the library at once; approved members propose. */
const publishes = (actor: Actor) => hasRole(actor, "coordinator") || hasRole(actor, "expert");

/** People of the cluster: every role (a member organisation's representative, an expert, an official). */
const insider = (actor: Actor) => actor.type === "person" && actor.roles.length > 0;

const edits = (actor: Actor, material: MaterialItem) =>
  actor.type === "person" && (actor.accountId === material.createdBy || hasRole(actor, "coordinator"));

async function findMaterial(id: string) {
  const { data } = await db().entities.material.get({ id }).go({ consistent: true });
  if (!data) throw new NotFound("Материал не найден");
  return data;
}

/**
 * The material as this person may see it: a draft or a withdrawn one only by its editors; a
 * members-only one only by people of the cluster (a guest is asked to sign in).
 */
async function visibleMaterial(actor: Actor, id: string) {
  const material = await findMaterial(id);
  if (material.status !== "published") {
    if (!edits(actor, material)) throw new NotFound("Материал не найден");
    return material;
  }
  if (material.audience === "members" && !insider(actor) && !edits(actor, material)) {
    if (actor.type === "guest") throw new Unauthorized("Материал доступен участникам кластера: войдите");
    throw new Forbidden("Материал доступен только участникам кластера");
  }
  return material;
}

const currentFile = (material: Pick<MaterialItem, "files">) => material.files?.at(-1);

export function cardOf(material: MaterialItem): MaterialCard {
  const file = currentFile(material);
  return {
    id: material.id,
    kind: material.kind,
    title: material.title,
    summary: material.summary,
    topic: material.topic,
    spheres: material.spheres ?? [],
    authors: authorsOf(material),
    audience: material.audience,
    status: material.status,
    file: file ? { contentType: file.contentType, size: file.size, fileName: file.fileName } : undefined,
    downloads: material.downloads,
    publishedAt: material.publishedAt,
    demo: material.demo,
  };
}

function hitOf(material: MaterialItem): MaterialHit {
  const { id, kind, title, summary, topic, file, publishedAt, demo } = cardOf(material);
  return { id, kind, title, summary, topic, file, publishedAt, demo };
}

/** The portal expert who published it first, then the authors named. */
const authorsOf = (material: MaterialItem) => [
  ...(material.createdByExpert && !(material.authors ?? []).includes(material.createdByName)
    ? [material.createdByName]
    : []),
  ...(material.authors ?? []),
];

function detailOf(actor: Actor, material: MaterialItem): MaterialDetail {
  const editable = edits(actor, material);
  return {
    ...cardOf(material),
    edition: material.edition,
    body: editable ? material.body : undefined,
    html: material.html,
    url: material.url,
    files: [...(material.files ?? [])].reverse().map(({ key: _key, ...file }) => file),
    createdBy: { name: material.createdByName, expert: material.createdByExpert },
    organisationName: material.organisationName,
    returnReason: material.status === "returned" ? material.returnReason : undefined,
    editable,
    createdAt: material.createdAt,
    version: material.version,
  };
}

/** What the portal-wide search knows of a material: only a published public one is found. */
function searchDocument(material: MaterialItem): Search.SearchDocument<MaterialHit> | undefined {
  if (material.status !== "published" || material.audience !== "public") return undefined;
  return {
    id: material.id,
    title: material.title,
    text: [material.summary, ...authorsOf(material), material.body ? markdownText(material.body) : ""].join(
      " ",
    ),
    at: material.publishedAt ?? material.createdAt,
    filters: { kind: material.kind, topic: material.topic },
    view: hitOf(material),
  };
}

/** The fields every kind shares, as stored; an article's HTML is rendered once, here. */
function contentOf(input: CreateMaterial | UpdateMaterial) {
  const article = input.kind === "article";
  return {
    title: input.title,
    summary: input.summary,
    topic: input.topic,
    spheres: input.spheres,
    authors: input.authors,
    edition: input.edition || undefined,
    audience: input.audience,
    body: article ? input.body : undefined,
    html: article && input.body ? renderMarkdown(input.body) : undefined,
    url: input.kind === "link" || input.kind === "video" ? input.url : undefined,
  };
}

const fileKey = (materialId: string, number: number, upload: FileUpload) =>
  `materials/${materialId}/${number}/${upload.id}-${upload.fileName.replace(/[^\p{L}\p{N}._-]+/gu, "_")}`;

/**
 * Copies a checked upload to the material's own key; `store` writes the material and takes the
 * ticket in one transaction. If that fails, the copy is removed: a refused write leaves no file.
 */
async function withStoredFile<T>(
  materialId: string,
  number: number,
  upload: FileUpload,
  store: (file: NonNullable<MaterialItem["files"]>[number]) => Promise<T>,
  note?: string,
) {
  const key = fileKey(materialId, number, upload);
  await copyObject(uploadKey(upload.id), key, upload.contentType);
  try {
    const result = await store({
      number,
      key,
      fileName: upload.fileName,
      contentType: upload.contentType,
      size: upload.size,
      note: note || undefined,
      uploadedAt: Clock.nowIso(),
    });
    await removeObject(uploadKey(upload.id)).catch(() => {});
    return result;
  } catch (error) {
    await removeObject(key).catch(() => {});
    throw error;
  }
}

/** The write that takes a checked ticket, in the transaction that stores its file: once only. */
const takeTicket = (fileUpload: MaterialWriters["fileUpload"], upload: FileUpload) =>
  fileUpload
    .patch({ id: upload.id })
    .set({ status: "taken" })
    .where(({ status }, { eq }) => eq(status, "open"))
    .commit();

const usedUpload = () =>
  new Conflict("Этот файл уже использован: загрузите его заново", "upload_used", {
    uploadId: "Этот файл уже использован: загрузите его заново",
  });

/** An expert's or a coordinator's material is published at once; a member's is proposed for review. */
export async function create(
  actor: Actor,
  input: CreateMaterial,
  /** The local seed marks its content «демо». */
  seeded: { demo: boolean } = { demo: false },
): Promise<MaterialDetail> {
  const person = requirePerson(actor);
  const publishing = publishes(person);
  // A member proposes for an organisation they represent; an expert may name one too.
  const party =
    input.organisationId || !publishing
      ? await partyOf(person, input.organisationId, {
          personally: false,
          refusal: "Выберите организацию, от которой вы предлагаете материал",
        })
      : undefined;
  const upload = input.kind === "file" ? await checkedUpload(person, input.uploadId!, "uploadId") : undefined;
  const now = Clock.nowIso();
  const id = ulid();
  const material: MaterialItem = {
    id,
    kind: input.kind,
    status: publishing ? "published" : "proposed",
    ...contentOf(input),
    files: [],
    downloads: 0,
    popularity: popularityOf(0),
    listedAt: now,
    publishedAt: publishing ? now : undefined,
    createdBy: person.accountId,
    createdByName: person.name,
    createdByExpert: hasRole(person, "expert"),
    organisationId: party?.organisationId,
    organisationName: party?.organisationId ? party.name : undefined,
    demo: seeded.demo,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const write = (files: MaterialItem["files"]) =>
    writeAll(db, ({ material: materials, fileUpload, searchTerm }) => [
      materials.create({ ...material, files }).commit(),
      ...(upload ? [takeTicket(fileUpload, upload)] : []),
      ...Search.indexWrites(searchTerm, "materials", undefined, searchDocument({ ...material, files })),
    ]).catch((error) => {
      if (error instanceof Canceled && upload && error.failedAt(1)) throw usedUpload();
      throw error;
    });
  if (upload) await withStoredFile(id, 1, upload, (file) => write([file]));
  else await write([]);
  return detailOf(actor, await findMaterial(id));
}

/** Its editors change it; a returned proposal goes back to the coordinators. */
export async function update(actor: Actor, id: string, input: UpdateMaterial): Promise<MaterialDetail> {
  const material = await editable(actor, id);
  if (input.kind !== material.kind) throw new Invalid({ kind: "Вид материала не меняется" });
  if (input.version !== material.version) throw stale();
  const status = material.status === "returned" ? "proposed" : material.status;
  const next: MaterialItem = { ...material, ...contentOf(input), status };
  await writeAll(db, ({ material: materials, searchTerm }) => [
    materials
      .patch({ id })
      .set({ ...contentOf(input), status, listedAt: material.listedAt })
      .remove(
        (["edition", "body", "html", "url"] as const).filter(
          (field) => contentOf(input)[field] === undefined,
        ),
      )
      .add({ version: 1 })
      .composite({
        popularity: material.popularity,
        createdBy: material.createdBy,
        createdAt: material.createdAt,
      })
      .where((attr, { eq }) => eq(attr.version, material.version))
      .commit(),
    ...Search.indexWrites(searchTerm, "materials", searchDocument(material), searchDocument(next)),
  ]).catch((error) => {
    if (error instanceof Canceled) throw stale();
    throw error;
  });
  return detailOf(actor, await findMaterial(id));
}

/** A new version of a file material; the earlier ones stay downloadable. */
export async function newFileVersion(
  actor: Actor,
  id: string,
  input: NewFileVersion,
): Promise<MaterialDetail> {
  const person = requirePerson(actor);
  const material = await editable(actor, id);
  if (material.kind !== "file") throw new Invalid({ uploadId: "У этого материала нет файла" });
  if (input.version !== material.version) throw stale();
  const upload = await checkedUpload(person, input.uploadId, "uploadId");
  const number = (currentFile(material)?.number ?? 0) + 1;
  await withStoredFile(
    id,
    number,
    upload,
    async (file) => {
      const next: MaterialItem = { ...material, files: [...(material.files ?? []), file] };
      await writeAll(db, ({ material: materials, fileUpload, searchTerm }) => [
        materials
          .patch({ id })
          .set({ files: next.files })
          .add({ version: 1 })
          .where((attr, { eq }) => eq(attr.version, material.version))
          .commit(),
        takeTicket(fileUpload, upload),
        ...Search.indexWrites(searchTerm, "materials", searchDocument(material), searchDocument(next)),
      ]).catch((error) => {
        if (error instanceof Canceled && error.failedAt(1)) throw usedUpload();
        if (error instanceof Canceled) throw stale();
        throw error;
      });
    },
    input.note,
  );
  return detailOf(actor, await findMaterial(id));
}

async function editable(actor: Actor, id: string) {
  const material = await findMaterial(id);
  if (!edits(actor, material)) {
    if (material.status !== "published") throw new NotFound("Материал не найден");
    throw new Forbidden("Изменять материал могут его автор и координаторы");
  }
  if (material.status === "withdrawn") throw new Conflict("Материал снят с публикации", "withdrawn");
  return material;
}

/** Its editors take it out of the library (and the search); its files stay for the record. */
export async function withdraw(actor: Actor, id: string, version: number): Promise<MaterialDetail> {
  const material = await editable(actor, id);
  if (version !== material.version) throw stale();
  await setStatus(material, { status: "withdrawn" });
  return detailOf(actor, await findMaterial(id));
}

/** A coordinator publishes a proposal (the proposer is told) or returns it with what to improve. */
export async function review(
  actor: Actor,
  id: string,
  version: number,
  decision: { status: "published" } | { status: "returned"; returnReason: string },
): Promise<MaterialDetail> {
  requireCoordinator(actor);
  const material = await findMaterial(id);
  if (material.status !== "proposed") throw new Conflict("Материал уже не на рассмотрении", "not_proposed");
  if (material.version !== version) throw stale();
  const { data: proposer } = await db().entities.account.get({ id: material.createdBy }).go();
  const letter = proposer?.email
    ? queued(
        decision.status === "published"
          ? Templates.materialPublished(proposer.email, material)
          : Templates.materialReturned(proposer.email, material, decision.returnReason),
      )
    : undefined;
  await setStatus(
    material,
    decision.status === "published"
      ? { status: "published", publishedAt: Clock.nowIso() }
      : { status: "returned", returnReason: decision.returnReason },
    letter,
  );
  if (letter) await deliver([letter]);
  return detailOf(actor, await findMaterial(id));
}

async function setStatus(
  material: MaterialItem,
  change: Pick<MaterialItem, "status"> & Partial<Pick<MaterialItem, "publishedAt" | "returnReason">>,
  letter?: ReturnType<typeof queued>,
) {
  const next: MaterialItem = { ...material, ...change };
  const listedAt = change.publishedAt ?? material.listedAt;
  await writeAll(db, ({ material: materials, searchTerm, outbox }) => [
    materials
      .patch({ id: material.id })
      .set({ ...change, listedAt, popularity: material.popularity })
      .add({ version: 1 })
      .composite({ createdBy: material.createdBy, createdAt: material.createdAt })
      .where(
        (attr, { eq }) => `${eq(attr.version, material.version)} AND ${eq(attr.status, material.status)}`,
      )
      .commit(),
    ...Search.indexWrites(searchTerm, "materials", searchDocument(material), searchDocument(next)),
    ...(letter ? [outbox.create(letter).commit()] : []),
  ]).catch((error) => {
    if (error instanceof Canceled) throw stale();
    throw error;
  });
}

/** The download count as a key that sorts: ten digits, enough for any library. */
const popularityOf = (downloads: number) => String(downloads).padStart(10, "0");

/**
 * The library: newest or most downloaded first, by kind and topic; members-only materials for
 * people of the cluster only. With words, the portal-wide search's results for materials.
 */
export async function library(actor: Actor, query: MaterialQuery) {
  if (query.q) return found({ ...query, q: query.q });
  const members = insider(actor);
  const entity = db().entities.material;
  const index =
    query.sort === "popular"
      ? entity.query.byPopularity({ status: "published" })
      : entity.query.byStatus({ status: "published" });
  const filtered = Boolean(query.kind || query.topic || !members);
  const { data, cursor } = await index
    .where((attr, op) =>
      [
        query.kind ? op.eq(attr.kind, query.kind) : "",
        query.topic ? op.eq(attr.topic, query.topic) : "",
        members ? "" : op.eq(attr.audience, "public"),
      ]
        .filter(Boolean)
        .join(" AND "),
    )
    .go({ ...pageOptions(query.cursor, query.limit, filtered), order: "desc" });
  return { items: data.map(cardOf), cursor: cursor ?? null };
}

/**
 * The search's materials (only public ones are indexed), read again: a row's card was written with
 * the material, and its download count has moved on since.
 */
async function found(query: MaterialQuery & { q: string }) {
  const page = await Search.find<MaterialHit>("materials", {
    q: query.q,
    filters: { kind: query.kind, topic: query.topic },
    cursor: query.cursor,
    limit: query.limit,
  });
  const { data } = page.items.length
    ? await db()
        .entities.material.get(page.items.map((item) => ({ id: item.id })))
        .go()
    : { data: [] as MaterialItem[] };
  const byId = new Map(data.map((material) => [material.id, material]));
  return {
    items: page.items.flatMap((item) => {
      const material = byId.get(item.id);
      return material ? [cardOf(material)] : [];
    }),
    cursor: page.cursor,
  };
}

/** A coordinator's queue of proposals, oldest first. */
export async function proposals(actor: Actor) {
  requireCoordinator(actor);
  const { data } = await db().entities.material.query.byStatus({ status: "proposed" }).go({ pages: "all" });
  return { items: data.map(cardOf) };
}

/** What this person has published or proposed, newest first. */
export async function mine(actor: Actor) {
  const person = requirePerson(actor);
  const { data } = await db()
    .entities.material.query.byAuthor({ createdBy: person.accountId })
    .go({ pages: "all", order: "desc" });
  return { items: data.map(cardOf) };
}

export async function detail(actor: Actor, id: string) {
  return detailOf(actor, await visibleMaterial(actor, id));
}

/**
 * A short-lived link to the file (the current version, or an earlier one by number). Each
 * download of a published material is counted; the popularity key follows the count, written
 * only if no later download has moved it on (so it never goes back).
 */
export async function download(actor: Actor, id: string, number?: number) {
  const material = await visibleMaterial(actor, id);
  const file =
    number === undefined ? currentFile(material) : material.files?.find((one) => one.number === number);
  if (!file) throw new NotFound("Такой версии файла нет");
  if (material.status === "published") await countDownload(material);
  return downloadUrl(file.key, file.fileName, file.contentType);
}

async function countDownload(material: MaterialItem) {
  const entity = db().entities.material;
  const { data } = await entity
    .update({ id: material.id })
    .add({ downloads: 1 })
    .go({ response: "updated_new" });
  const downloads = data.downloads ?? material.downloads + 1;
  await entity
    .patch({ id: material.id })
    .set({ popularity: popularityOf(downloads), status: material.status })
    .where((attr, { eq }) => `${eq(attr.downloads, downloads)} AND ${eq(attr.status, material.status)}`)
    .go()
    .catch((error) => {
      // A later download has counted past this one: its own write sets the key.
      if (!isConditionFailure(error)) throw error;
    });
}
