"use client";
import Link from "next/link";
import { useQuery } from "urql";
import { formatDate } from "../../lib/dates";
import { graphql } from "../../lib/generated";
import { Pagination, useCursorPages } from "../pagination";
import { Empty, LoadFailed, Loading } from "../states";

const CaseMeetingsDocument = graphql(`
  query CaseMeetings($id: ID!, $after: String) {
    case(id: $id) {
      id
      meetings(first: 10, after: $after) {
        edges { node { id heldOn attendees notes } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** The Team Around the Child meetings on a case, most recent first, ten a page. */
export function CaseMeetings({ caseId, recordHref }: { caseId: string; recordHref: string | null }) {
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({
    query: CaseMeetingsDocument,
    variables: { id: caseId, after: pages.after },
  });
  const meetings = data?.case?.meetings.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h2 className="govuk-heading-m">Team meetings</h2>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="the team meetings" />
      ) : meetings.length === 0 ? (
        <Empty>No Team Around the Child meetings recorded yet.</Empty>
      ) : (
        <dl className="govuk-summary-list">
          {meetings.map((meeting) => (
            <div className="govuk-summary-list__row" key={meeting.id}>
              <dt className="govuk-summary-list__key">{formatDate(meeting.heldOn)}</dt>
              <dd className="govuk-summary-list__value">
                <p className="govuk-body govuk-!-margin-bottom-1">Attended: {meeting.attendees.join("; ")}</p>
                {meeting.notes && (
                  <p className="govuk-body app-preserve-lines govuk-!-margin-bottom-0">{meeting.notes}</p>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Pagination pages={pages} pageInfo={data?.case?.meetings.pageInfo} label="Team meetings" />
      {recordHref && (
        <p className="govuk-body">
          <Link className="govuk-link" href={recordHref}>
            Record a team meeting
          </Link>
        </p>
      )}
    </>
  );
}
