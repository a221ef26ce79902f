"use client";
import { type FormEvent, useState } from "react";
import { CaseFormFrame } from "../../../../../components/cases/case-form-frame";
import { Textarea, TextInput } from "../../../../../components/form-fields";
import { errorFor } from "../../../../../lib/api-errors";
import { today } from "../../../../../lib/dates";
import { graphql } from "../../../../../lib/generated";
import { useCaseChange } from "../../../../../lib/use-case-change";

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
  const { caseId, errors, sending, send } = useCaseChange(RecordTeamMeetingDocument);
  const [heldOn, setHeldOn] = useState(today());
  const [attendees, setAttendees] = useState("");
  const [notes, setNotes] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const people = attendees
      .split("\n")
      .map((person) => person.trim())
      .filter(Boolean);
    await send({ input: { caseId, heldOn, attendees: people, notes: notes.trim() || null } });
  }

  return (
    <CaseFormFrame caseId={caseId} title="Record a team meeting" errors={errors}>
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
        <button type="submit" className="govuk-button" disabled={sending}>
          Record the meeting
        </button>
      </form>
    </CaseFormFrame>
  );
}
