import { Navigate, type RouteDefinition, Router, type RouteSectionProps, useLocation } from "@solidjs/router";
import { lazy, Show, Suspense } from "solid-js";
import { getSession } from "./data/auth";
import { getKnowledge, getQuestion, knowledgeFilters } from "./data/consultations";
import { calendarFilters, getEvent, getEvents } from "./data/events";
import { getMaterial, getMaterials, libraryFilters } from "./data/materials";
import { directoryFilters, getMember, getMembers, getRepresentatives } from "./data/members";
import { catalogueFilters, getResource, getResources } from "./data/resources";
import { getPortalSearch } from "./data/search";
import Home, { preloadHome } from "./pages/home";
import { SessionProvider } from "./providers/session";
import { Alert } from "./ui/alert";
import { SiteFooter } from "./ui/site-footer";
import { SiteHeader } from "./ui/site-header";
import { Loading } from "./ui/status";

/**
 * Every page except the home page is its own chunk: the first visit loads only what it shows.
 * A route's `preload` starts the page's request as the route matches, while its chunk is still on
 * the way (and when a link is pointed at): the page then reads the same cached query.
 */
const routes: RouteDefinition[] = [
  { path: "/", component: Home, preload: preloadHome },
  { path: "/login", component: lazy(() => import("./pages/login")) },
  { path: "/join", component: lazy(() => import("./pages/join")) },
  {
    path: "/members",
    component: lazy(() => import("./pages/members")),
    preload: ({ location }) => void getMembers(directoryFilters(location.query)),
  },
  {
    path: "/members/:id",
    component: lazy(() => import("./pages/members/detail")),
    preload: ({ params }) => void getMember(params.id ?? ""),
  },
  {
    path: "/members/:id/edit",
    component: lazy(() => import("./pages/members/edit")),
    preload: ({ params }) => void getMember(params.id ?? ""),
  },
  {
    path: "/members/:id/representatives",
    component: lazy(() => import("./pages/members/representatives")),
    preload: ({ params }) => {
      void getMember(params.id ?? "");
      void getRepresentatives(params.id ?? "");
    },
  },
  {
    path: "/resources",
    component: lazy(() => import("./pages/resources")),
    preload: ({ location }) => void getResources(catalogueFilters(location.query)),
  },
  { path: "/resources/new", component: lazy(() => import("./pages/resources/new")) },
  {
    path: "/resources/:id",
    component: lazy(() => import("./pages/resources/detail")),
    preload: ({ params }) => void getResource(params.id ?? ""),
  },
  {
    path: "/resources/:id/edit",
    component: lazy(() => import("./pages/resources/edit")),
    preload: ({ params }) => void getResource(params.id ?? ""),
  },
  {
    path: "/consultations",
    component: lazy(() => import("./pages/consultations")),
    preload: ({ location }) => void getKnowledge(knowledgeFilters(location.query)),
  },
  { path: "/consultations/ask", component: lazy(() => import("./pages/consultations/ask")) },
  { path: "/consultations/scorecard", component: lazy(() => import("./pages/consultations/scorecard")) },
  { path: "/consultations/desk", component: lazy(() => import("./pages/consultations/lists")) },
  {
    path: "/consultations/:id",
    component: lazy(() => import("./pages/consultations/detail")),
    preload: ({ params }) => void getQuestion(params.id ?? ""),
  },
  {
    path: "/events",
    component: lazy(() => import("./pages/events")),
    preload: ({ location }) => void getEvents(calendarFilters(location.query)),
  },
  { path: "/events/new", component: lazy(() => import("./pages/events/new")) },
  { path: "/events/:id/participants", component: lazy(() => import("./pages/events/participants")) },
  { path: "/events/:id/outcome", component: lazy(() => import("./pages/events/outcome")) },
  { path: "/certificates", component: lazy(() => import("./pages/certificates")) },
  { path: "/certificates/:code", component: lazy(() => import("./pages/certificates/verify")) },
  {
    path: "/events/:id/edit",
    component: lazy(() => import("./pages/events/edit")),
    preload: ({ params }) => void getEvent(params.id ?? ""),
  },
  {
    path: "/events/:id",
    component: lazy(() => import("./pages/events/detail")),
    preload: ({ params }) => void getEvent(params.id ?? ""),
  },
  {
    path: "/materials",
    component: lazy(() => import("./pages/materials")),
    preload: ({ location }) => void getMaterials(libraryFilters(location.query)),
  },
  { path: "/materials/new", component: lazy(() => import("./pages/materials/new")) },
  {
    path: "/materials/:id/edit",
    component: lazy(() => import("./pages/materials/edit")),
    preload: ({ params }) => void getMaterial(params.id ?? ""),
  },
  {
    path: "/materials/:id",
    component: lazy(() => import("./pages/materials/detail")),
    preload: ({ params }) => void getMaterial(params.id ?? ""),
  },
  { path: "/responses/:id", component: lazy(() => import("./pages/responses/detail")) },
  { path: "/coordinator/ledger", component: lazy(() => import("./pages/coordinator/ledger")) },
  { path: "/coordinator/dashboard", component: lazy(() => import("./pages/coordinator/dashboard")) },
  { path: "/account", component: lazy(() => import("./pages/account")), preload: () => void getSession() },
  { path: "/coordinator", component: () => <Navigate href="/coordinator/applications" /> },
  { path: "/coordinator/applications", component: lazy(() => import("./pages/coordinator/applications")) },
  { path: "/coordinator/people", component: lazy(() => import("./pages/coordinator/people")) },
  {
    path: "/search",
    component: lazy(() => import("./pages/search")),
    preload: ({ location }) => {
      const q = String(location.query.q ?? "").trim();
      if (q) void getPortalSearch(q);
    },
  },
  { path: "/digest", component: lazy(() => import("./pages/digest")) },
  { path: "/digest/confirm", component: lazy(() => import("./pages/digest/confirm")) },
  { path: "/digest/unsubscribe", component: lazy(() => import("./pages/digest/unsubscribe")) },
  { path: "/invitations/accept", component: lazy(() => import("./pages/invitations/accept")) },
  { path: "*404", component: lazy(() => import("./pages/not-found")) },
];

export type Notice = { notice?: string };

function Layout(props: RouteSectionProps) {
  const location = useLocation<Notice>();
  return (
    <SessionProvider>
      {/* rel="external" leaves the jump to the browser: native fragment navigation moves focus to <main>. */}
      <a href="#main" class="skip-link" rel="external">
        Перейти к основному содержанию
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} class="container main">
        <Show when={location.state?.notice}>
          {(notice) => (
            <Alert kind="success">
              <p>{notice()}</p>
            </Alert>
          )}
        </Show>
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </main>
      <SiteFooter />
    </SessionProvider>
  );
}

export function App() {
  return <Router root={Layout}>{routes}</Router>;
}
