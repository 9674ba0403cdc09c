import type { EventDetail } from "@cluster/core/event/schema";
import { createAsync, useParams } from "@solidjs/router";
import { type JSX, Show, untrack } from "solid-js";
import { getEvent } from "../../data/events";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";

/**
 * A page of one event for its organisers only: signed in, and the event theirs to manage. The
 * page gets the event as an accessor, so that reading it again after an action updates the page
 * in place instead of building it anew (and losing what its forms say).
 */
export function OrganiserPage(props: {
  title: string;
  signIn: string;
  refusal: string;
  children: (event: () => EventDetail) => JSX.Element;
}) {
  const params = useParams<{ id: string }>();
  const event = createAsync(() => getEvent(params.id));
  return (
    <>
      <PageTitle>{props.title}</PageTitle>
      <SignInGate reason={props.signIn}>
        <DataBoundary>
          <Show when={event() !== undefined}>
            <Show when={event()?.may.manage ? event() : undefined} fallback={<p>{props.refusal}</p>}>
              {(current) => (
                <>
                  <p class="lead">
                    <a href={`/events/${current().id}`}>{current().title}</a>
                  </p>
                  {untrack(() => props.children(current))}
                </>
              )}
            </Show>
          </Show>
        </DataBoundary>
      </SignInGate>
    </>
  );
}
