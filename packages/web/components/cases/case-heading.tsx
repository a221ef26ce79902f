"use client";
import Link from "next/link";
import { useQuery } from "urql";
import { graphql } from "../../lib/generated";

const CaseHeadingDocument = graphql(`
  query CaseHeading($id: ID!) {
    case(id: $id) {
      id
      reference
      status
      children { id givenName familyName }
    }
  }
`);

/** A back link to the case and a caption naming it, above a form about one case. */
export function CaseHeading({ caseId, title }: { caseId: string; title: string }) {
  const [{ data }] = useQuery({ query: CaseHeadingDocument, variables: { id: caseId } });
  const theCase = data?.case;
  const names = theCase?.children.map((child) => `${child.givenName} ${child.familyName}`).join(" and ");
  return (
    <>
      <Link href={`/cases/${encodeURIComponent(caseId)}`} className="govuk-back-link">
        Back to the case
      </Link>
      {theCase && (
        <span className="govuk-caption-l">
          Case {theCase.reference} · {names}
        </span>
      )}
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );
}
