"use client";
import { useParams } from "next/navigation";
import { useQuery } from "urql";
import { Empty, LoadFailed, Loading } from "../../../../components/states";
import { graphql } from "../../../../lib/generated";

const SchemePageDocument = graphql(`
  query SchemePage($schemeId: String!, $pageId: String!) {
    schemePage(schemeId: $schemeId, pageId: $pageId) {
      id
      schemeName
      title
      summary
      blocks {
        __typename
        ... on SchemePageParagraph { text }
        ... on SchemePageTable { caption emptyText columns { label numeric } rows { cells } }
      }
    }
  }
`);

/**
 * A page a scheme plugin contributes, rendered from the paragraphs and tables it describes: the
 * portal knows no scheme by name, only these blocks.
 */
export default function SchemePage() {
  const { scheme, page } = useParams<{ scheme: string; page: string }>();
  const [{ data, fetching, error }] = useQuery({
    query: SchemePageDocument,
    variables: { schemeId: decodeURIComponent(scheme), pageId: decodeURIComponent(page) },
  });
  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="the page" />;
  const content = data?.schemePage;
  if (!content)
    return (
      <>
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">
          There is no such page, or your authority does not run its scheme, or your role does not open it.
        </p>
      </>
    );
  return (
    <>
      <span className="govuk-caption-l">{content.schemeName}</span>
      <h1 className="govuk-heading-l">{content.title}</h1>
      <p className="govuk-body-l">{content.summary}</p>
      {content.blocks.map((block, index) =>
        block.__typename === "SchemePageParagraph" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no id; their order is the page's
          <p className="govuk-body" key={index}>
            {block.text}
          </p>
        ) : block.__typename === "SchemePageTable" ? (
          block.rows.length === 0 ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <Empty key={index}>{block.emptyText}</Empty>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <table className="govuk-table" key={index}>
              <caption className="govuk-table__caption govuk-table__caption--m">{block.caption}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {block.columns.map((column) => (
                    <th
                      key={column.label}
                      scope="col"
                      className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}`}
                    >
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {block.rows.map((row, rowIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are figures in the plugin's order
                  <tr className="govuk-table__row" key={rowIndex}>
                    {row.cells.map((cell, cellIndex) => (
                      <td
                        // biome-ignore lint/suspicious/noArrayIndexKey: a cell's place is its column
                        key={cellIndex}
                        className={`govuk-table__cell${block.columns[cellIndex]?.numeric ? " govuk-table__cell--numeric" : ""}`}
                      >
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null,
      )}
    </>
  );
}
