"use client";
import { useParams, useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { CaseHeading } from "../../../../../components/cases/case-heading";
import { ErrorSummary } from "../../../../../components/error-summary";
import { Textarea, TextInput } from "../../../../../components/form-fields";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../../../lib/api-errors";
import { today } from "../../../../../lib/dates";
import { graphql } from "../../../../../lib/generated";

const RecordTeamMeetingDocument = graphql(`
  mutation RecordTeamMeeting($input: RecordTeamMeetingInput!) {
    recordTeamMeeting(input: $input) {
      __typename
      ... on MutationRecordTeamMeetingSuccess { data { id heldOn attendees notes } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

/** A Team Around the Child meeting: when, who came, what was agreed. */
export default function RecordTeamMeetingPage() {
  const { id } = useParams<{ id: string }>();
  const caseId = decodeURIComponent(id);
  const router = useRouter();
  const [heldOn, setHeldOn] = useState(today());
  const [attendees, setAttendees] = useState("");
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [{ fetching }, record] = useMutation(RecordTeamMeetingDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const people = attendees
      .split("\n")
      .map((person) => person.trim())
      .filter(Boolean);
    const result = await record({ input: { caseId, heldOn, attendees: people, notes: notes.trim() || null } });
    const outcome = result.data?.recordTeamMeeting;
    if (outcome?.__typename === "MutationRecordTeamMeetingSuccess")
      return router.push(`/cases/${encodeURIComponent(caseId)}`);
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <CaseHeading caseId={caseId} title="Record a team meeting" />
        <form onSubmit={submit} noValidate>
          <TextInput
            name="heldOn"
            label="Held on"
            type="date"
            value={heldOn}
            onChange={setHeldOn}
            error={errorFor(errors, "heldOn")}
          />
          <Textarea
            name="attendees"
            label="Who came"
            hint="One person a line, with their service: for example, Sam Hale (school nurse)."
            value={attendees}
            onChange={setAttendees}
            error={errorFor(errors, "attendees")}
          />
          <Textarea
            name="notes"
            label="What was agreed (optional)"
            rows={6}
            value={notes}
            onChange={setNotes}
            error={errorFor(errors, "notes")}
          />
          <button type="submit" className="govuk-button" disabled={fetching}>
            Record the meeting
          </button>
        </form>
      </div>
    </div>
  );
}
