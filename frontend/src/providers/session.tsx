import type { Role } from "@cluster/core/reference";
import { createAsync } from "@solidjs/router";
import { type Accessor, createContext, type ParentProps, useContext } from "solid-js";
import { getSession, type Session } from "../data/auth";

export type SessionState = Session & {
  /** True when the session could not be read (server down): the UI acts as signed out. */
  unavailable?: boolean;
};

type SessionContextValue = {
  /** Undefined while loading. Reading it inside a Suspense boundary suspends. */
  session: Accessor<SessionState | undefined>;
  hasRole: (role: Role) => boolean;
};

const SessionContext = createContext<SessionContextValue>();

export function SessionProvider(props: ParentProps) {
  const session = createAsync(
    (): Promise<SessionState> =>
      getSession().catch(() => ({ account: null, memberships: [], unavailable: true })),
    { name: "session" },
  );
  const value: SessionContextValue = {
    session,
    hasRole: (role) => session()?.account?.roles.includes(role) ?? false,
  };
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside SessionProvider");
  return value;
}
