import { useParams, useRouter } from "next/navigation";
import { useState } from "react";
import { type AnyVariables, type TypedDocumentNode, useMutation } from "urql";
import { errorsOf, type FieldError, networkErrorMessage } from "./api-errors";
import { rootFieldResult } from "./operation-result";

type Outcome = { __typename: string } & Parameters<typeof errorsOf>[0];

/**
 * The case a page under /cases/[id] is about, and one change to it: `send` runs the mutation
 * and, when it succeeds, returns the person to the case page; otherwise it keeps the API's
 * errors, each against its field, for the form to show (what was typed stays in the form).
 */
export function useCaseChange<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
  const { id } = useParams<{ id: string }>();
  const caseId = decodeURIComponent(id);
  const router = useRouter();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [{ fetching: sending }, execute] = useMutation(document);

  async function send(variables: Variables): Promise<void> {
    const result = await execute(variables);
    const outcome = rootFieldResult<Outcome>(document, result.data);
    if (outcome?.__typename.endsWith("Success")) return router.push(`/cases/${encodeURIComponent(caseId)}`);
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  return { caseId, errors, setErrors, sending, send };
}
