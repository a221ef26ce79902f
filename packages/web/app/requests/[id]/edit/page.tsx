"use client";
import { useParams } from "next/navigation";
import { useQuery } from "urql";
import { RequestForm } from "../../../../components/request-form";
import { LoadFailed, Loading } from "../../../../components/states";
import { graphql } from "../../../../lib/generated";

const EditRequestDocument = graphql(`
  query EditRequest($id: ID!) {
    node(id: $id) { __typename id ... on PurchaseRequest { case { id } ...RequestFormRequest } }
  }
`);

/** Change a draft, or answer a return for changes: the same form, filled in. */
export default function EditRequestPage() {
  const { id } = useParams<{ id: string }>();
  const [{ data, fetching, error }] = useQuery({
    query: EditRequestDocument,
    variables: { id: decodeURIComponent(id) },
  });
  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="the request" />;
  const request = data?.node?.__typename === "PurchaseRequest" ? data.node : null;
  if (!request?.case)
    return <p className="govuk-body">This request does not exist, or your role does not let you see it.</p>;
  return <RequestForm caseId={request.case.id} existing={request} />;
}
