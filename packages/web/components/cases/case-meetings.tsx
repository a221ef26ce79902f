import Link from "next/link";
import { formatDate } from "../../lib/dates";
import { Empty } from "../states";

interface Meeting {
  id: string;
  heldOn: string;
  attendees: readonly string[];
  notes: string;
}

/** The Team Around the Child meetings on a case, most recent first. */
export function CaseMeetings({
  meetings,
  more,
  recordHref,
}: {
  meetings: readonly Meeting[];
  more: boolean;
  recordHref: string | null;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Team meetings</h2>
      {meetings.length === 0 ? (
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
      {more && <p className="govuk-body-s">The latest 20 meetings are shown.</p>}
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
