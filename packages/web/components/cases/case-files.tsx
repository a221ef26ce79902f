"use client";
import { useQuery } from "urql";
import { formatDate } from "../../lib/dates";
import { graphql } from "../../lib/generated";
import { describeFileSize } from "../../lib/upload-attachment";
import { Empty, LoadFailed, Loading } from "../states";

// Its own query: a page of requests with their receipts' files is too much to ask for in one
// operation with the rest of the case page (the API limits what one request may ask for).
const CaseFilesDocument = graphql(`
  query CaseFiles($id: ID!) {
    case(id: $id) {
      id
      assessments(first: 10) { edges { node { id completedOn documentId document { id filename size createdAt downloadPath } } } }
    }
    purchaseRequests(caseId: $id, first: 50) {
      edges { node { id reference receipts { description attachmentId attachment { id filename size createdAt downloadPath } } } }
    }
  }
`);

/**
 * Every file on the case a person may download: assessment forms and the receipts on its
 * requests. A file the viewer may not open comes back null from the API: it is counted, not listed,
 * so nobody takes a case for having no evidence when it has some they cannot see.
 */
export function CaseFiles({ caseId }: { caseId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: CaseFilesDocument, variables: { id: caseId } });
  const assessments = data?.case?.assessments.edges.map((edge) => edge.node) ?? [];
  const requests = data?.purchaseRequests.edges.map((edge) => edge.node) ?? [];
  const files = [
    ...assessments.flatMap((assessment) =>
      assessment.document
        ? [{ file: assessment.document, about: `Assessment completed ${formatDate(assessment.completedOn)}` }]
        : [],
    ),
    ...requests.flatMap((request) =>
      request.receipts.flatMap((receipt) =>
        receipt.attachment
          ? [
              {
                file: receipt.attachment,
                about: `Receipt for ${request.reference}${receipt.description ? `: ${receipt.description}` : ""}`,
              },
            ]
          : [],
      ),
    ),
  ];
  const hidden =
    assessments.filter((assessment) => assessment.documentId && !assessment.document).length +
    requests.flatMap((request) => request.receipts).filter((receipt) => receipt.attachmentId && !receipt.attachment)
      .length;
  return (
    <>
      <h2 className="govuk-heading-m">Files</h2>
      {hidden > 0 && (
        <div className="govuk-inset-text">
          {hidden === 1
            ? "1 file on this case is not shown: your role does not let you open it."
            : `${hidden} files on this case are not shown: your role does not let you open them.`}
        </div>
      )}
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="the files" />
      ) : files.length === 0 ? (
        hidden === 0 && <Empty>No files uploaded yet.</Empty>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Files on this case</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                File
              </th>
              <th scope="col" className="govuk-table__header">
                What it is
              </th>
              <th scope="col" className="govuk-table__header">
                Uploaded
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {files.map(({ file, about }) => (
              <tr className="govuk-table__row" key={file.id}>
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={file.downloadPath} download>
                    {file.filename}
                  </a>{" "}
                  ({describeFileSize(file.size)})
                </td>
                <td className="govuk-table__cell">{about}</td>
                <td className="govuk-table__cell">{formatDate(file.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
