import { type Account, GrantRoles } from "@cluster/core/account/schema";
import { consultationTopics, type Role, roles } from "@cluster/core/reference";
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getAccounts, grantRoles, setBlocked } from "../../data/accounts";
import { ApiError } from "../../data/api";
import { useSession } from "../../providers/session";
import { Button } from "../../ui/button";
import { CheckboxGroup } from "../../ui/choice-group";
import { issuesToFields } from "../../ui/form";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { createIdIndex, createPagedList, Pager } from "../../ui/pager";
import { DataBoundary } from "../../ui/status";
import { CoordinatorGate } from "../login/gate";
import { CoordinatorNav } from "./nav";

export default function PeoplePage() {
  return (
    <>
      <PageTitle>Учётные записи</PageTitle>
      <CoordinatorGate>
        <CoordinatorNav />
        <People />
      </CoordinatorGate>
    </>
  );
}

function People() {
  const list = createPagedList(
    () => "accounts",
    (_key, cursor) => getAccounts(cursor),
  );
  // Answers of role and block changes replace the listed record (pages loaded later are not refetched).
  const [updated, setUpdated] = createSignal<Record<string, Account>>({});
  const items = () =>
    list.items().map((account) => {
      const newer = updated()[account.id];
      return newer && newer.version >= account.version ? newer : account;
    });

  const index = createIdIndex(items);

  return (
    <DataBoundary loading="Загружаем учётные записи…">
      <Show when={items().length > 0} fallback={<p class="empty">Учётных записей пока нет.</p>}>
        <ul class="plain-list people">
          <For each={index.ids()}>
            {(id) => (
              <Show when={index.get(id)}>
                {(account) => (
                  <PersonCard
                    account={account()}
                    onUpdated={(a) => setUpdated((map) => ({ ...map, [a.id]: a }))}
                  />
                )}
              </Show>
            )}
          </For>
        </ul>
        <Pager
          list={list}
          count={items().length}
          noun={["учётная запись", "учётные записи", "учётных записей"]}
        />
      </Show>
    </DataBoundary>
  );
}

function PersonCard(props: { account: Account; onUpdated: (account: Account) => void }) {
  const { session } = useSession();
  const a = () => props.account;
  const titleId = `person-${props.account.id}`;
  const [selected, setSelected] = createSignal<string[]>([...props.account.roles]);
  const [topics, setTopics] = createSignal<string[]>([...props.account.expertTopics]);
  const [error, setError] = createSignal<string>();
  const [message, setMessage] = createSignal<string>();
  const [busy, setBusy] = createSignal<"roles" | "block">();
  const saveRoles = useAction(grantRoles);
  const block = useAction(setBlocked);
  const isMe = () => session()?.account?.id === a().id;
  const same = (x: readonly string[], y: readonly string[]) => [...x].sort().join() === [...y].sort().join();
  const changed = () => !same(selected(), a().roles) || !same(topics(), a().expertTopics);

  function failed(e: unknown) {
    if (e instanceof ApiError && e.status === 409) {
      setError("Эту учётную запись только что изменил кто-то другой. Обновите страницу и повторите.");
    } else {
      setError(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : "Не удалось сохранить.");
    }
  }

  async function onSaveRoles() {
    if (busy()) return;
    setError(undefined);
    setMessage(undefined);
    if (!changed()) {
      setMessage("Роли не изменились.");
      return;
    }
    const parsed = GrantRoles.safeParse({
      roles: selected(),
      expertTopics: selected().includes("expert") ? topics() : [],
      version: a().version,
    });
    if (!parsed.success) {
      setError(Object.values(issuesToFields(parsed.error.issues))[0]);
      return;
    }
    setBusy("roles");
    try {
      const account = await saveRoles(a().id, parsed.data);
      if (account) {
        props.onUpdated(account);
        setSelected([...account.roles]);
        setTopics([...account.expertTopics]);
      }
      setMessage("Роли сохранены.");
    } catch (e) {
      failed(e);
    } finally {
      setBusy(undefined);
    }
  }

  async function onToggleBlock() {
    if (busy()) return;
    setError(undefined);
    setMessage(undefined);
    const blocked = a().status !== "blocked";
    setBusy("block");
    try {
      const account = await block(a().id, { blocked, version: a().version });
      if (account) props.onUpdated(account);
      setMessage(blocked ? "Учётная запись заблокирована." : "Учётная запись разблокирована.");
    } catch (e) {
      failed(e);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <li>
      <article class="card person" aria-labelledby={titleId}>
        <h2 id={titleId}>
          {a().name}
          <Show when={isMe()}>
            <span class="muted"> (это вы)</span>
          </Show>
        </h2>
        <p>
          <a href={`mailto:${a().email}`}>{a().email}</a>
          <Show when={a().phone}> · {a().phone}</Show>
        </p>
        <p class="muted">
          Учётная запись создана {formatDate(a().createdAt)} ·{" "}
          <span class={`status status--${a().status}`}>
            {a().status === "blocked" ? "Заблокирована" : "Активна"}
          </span>
        </p>
        <CheckboxGroup
          name={`roles-${a().id}`}
          legend="Роли"
          accessibleName={`Роли: ${a().name}`}
          options={roles.map((r) => ({ value: r.id, label: r.name }))}
          value={selected()}
          onValue={(value) => setSelected(value as Role[])}
        />
        <Show when={selected().includes("expert")}>
          <CheckboxGroup
            name={`topics-${a().id}`}
            legend="Темы консультаций эксперта"
            accessibleName={`Темы консультаций эксперта: ${a().name}`}
            options={consultationTopics.map((t) => ({ value: t.id, label: t.name }))}
            value={topics()}
            onValue={setTopics}
          />
        </Show>
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
        <Show when={message()}>
          <p class="success-text" role="status">
            {message()}
          </p>
        </Show>
        <div class="actions">
          <Button variant="secondary" pending={busy() === "roles"} onClick={onSaveRoles}>
            Сохранить роли
          </Button>
          <Show when={!isMe()}>
            <Button
              variant={a().status === "blocked" ? "secondary" : "danger"}
              pending={busy() === "block"}
              onClick={onToggleBlock}
            >
              {a().status === "blocked" ? "Разблокировать" : "Заблокировать"}
            </Button>
          </Show>
        </div>
      </article>
    </li>
  );
}
