import type { ReactNode } from "react";

export interface ReportColumn<Row> {
  header: string;
  numeric?: boolean;
  cell(row: Row): ReactNode;
}

/** One report's figures as a GOV.UK table, with the download of the same table as CSV. */
export function ReportTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  csvHref,
}: {
  caption: string;
  columns: ReportColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row, index: number): string;
  csvHref: string;
}) {
  return (
    <>
      {rows.length === 0 ? (
        <>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{caption}</h3>
          <p className="govuk-body app-empty">Nothing to count for these filters.</p>
        </>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {columns.map((column) => (
                <th
                  key={column.header}
                  scope="col"
                  className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}`}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row, index) => (
              <tr className="govuk-table__row" key={rowKey(row, index)}>
                {columns.map((column) => (
                  <td
                    key={column.header}
                    className={`govuk-table__cell${column.numeric ? " govuk-table__cell--numeric" : ""}`}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href={csvHref} download>
          Download CSV<span className="govuk-visually-hidden">: {caption}</span>
        </a>
      </p>
    </>
  );
}
