"use client";
import { type FormEvent, useState } from "react";
import { CaseFormFrame } from "../../../../components/cases/case-form-frame";
import { FileUpload, Radios, Textarea, TextInput } from "../../../../components/form-fields";
import { errorFor } from "../../../../lib/api-errors";
import { today } from "../../../../lib/dates";
import { graphql } from "../../../../lib/generated";
import type { AssessmentKind } from "../../../../lib/generated/graphql";
import { useUploadAttachment } from "../../../../lib/upload-attachment";
import { useCaseChange } from "../../../../lib/use-case-change";

const RecordAssessmentDocument = graphql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      __typename
      ... on MutationRecordAssessmentSuccess { data { id kind completedOn priorityNeeds document { id filename downloadPath } } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

export default function RecordAssessmentPage() {
  const { caseId, errors, setErrors, sending, send } = useCaseChange(RecordAssessmentDocument);
  const [kind, setKind] = useState<AssessmentKind>("CAF");
  const [completedOn, setCompletedOn] = useState(today());
  const [needs, setNeeds] = useState("");
  const [document, setDocument] = useState<File | null>(null);
  // Kept once uploaded, so fixing another field does not upload the same form twice.
  const [uploaded, setUploaded] = useState<{ file: File; attachmentId: string } | null>(null);
  const { uploading, uploadFile } = useUploadAttachment();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const priorityNeeds = needs
      .split("\n")
      .map((need) => need.trim())
      .filter(Boolean);
    let documentId: string | null = null;
    if (document && uploaded?.file === document) documentId = uploaded.attachmentId;
    else if (document) {
      const upload = await uploadFile(document, "ASSESSMENT", "documentId");
      if (!upload.attachmentId) return setErrors(upload.errors);
      setUploaded({ file: document, attachmentId: upload.attachmentId });
      documentId = upload.attachmentId;
    }
    await send({ input: { caseId, kind, completedOn, priorityNeeds, documentId } });
  }

  return (
    <CaseFormFrame caseId={caseId} title="Record an assessment" errors={errors}>
      <form onSubmit={submit} noValidate>
        <Radios
          name="kind"
          label="Kind of assessment"
          value={kind}
          onChange={(value) => setKind(value as AssessmentKind)}
          options={[
            { value: "CAF", label: "Common assessment (CAF)" },
            { value: "SPECIALIST", label: "Specialist assessment with an action plan" },
          ]}
          error={errorFor(errors, "kind")}
        />
        <TextInput
          name="completedOn"
          label="Completed on"
          type="date"
          value={completedOn}
          onChange={setCompletedOn}
          error={errorFor(errors, "completedOn")}
        />
        <Textarea
          name="priorityNeeds"
          label="Priority needs"
          hint="One a line, most important first."
          value={needs}
          onChange={setNeeds}
          error={errorFor(errors, "priorityNeeds")}
        />
        <FileUpload
          name="documentId"
          label="The assessment form (optional)"
          hint="A PDF, Word (.docx), PNG or JPEG file."
          accept=".pdf,.docx,.png,.jpg,.jpeg"
          onChange={setDocument}
          error={errorFor(errors, "documentId")}
        />
        <button type="submit" className="govuk-button" disabled={sending || uploading}>
          Save the assessment
        </button>
      </form>
    </CaseFormFrame>
  );
}
