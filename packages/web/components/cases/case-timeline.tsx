"use client";
import { useQuery } from "urql";
import { formatDateTime } from "../../lib/dates";
import { graphql } from "../../lib/generated";
import { Pagination, useCursorPages } from "../pagination";
import { Empty, LoadFailed, Loading } from "../states";

// Its own query, paged: a case worked on for a year has hundreds of events.
const CaseTimelineDocument = graphql(`
  query CaseTimeline($id: ID!, $after: String) {
    case(id: $id) {
      id
      timeline(first: 30, after: $after) {
        edges { node { action summary at actor { id name } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** What has happened on the case, newest first, thirty events a page. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({
    query: CaseTimelineDocument,
    variables: { id: caseId, after: pages.after },
  });
  const timeline = data?.case?.timeline;
  return (
    <>
      <h2 className="govuk-heading-m">Timeline</h2>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="the timeline" />
      ) : !timeline || timeline.edges.length === 0 ? (
        <Empty>Nothing has happened on this case yet.</Empty>
      ) : (
        <ol className="app-timeline">
          {timeline.edges.map(({ node }, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no id of their own
            <li key={index}>
              <p className="govuk-body govuk-!-margin-bottom-0">
                <strong>{node.summary}</strong>
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                {formatDateTime(node.at)}
                {node.actor ? ` · ${node.actor.name}` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination pages={pages} pageInfo={timeline?.pageInfo} label="Timeline" />
    </>
  );
}
