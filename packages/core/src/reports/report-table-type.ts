import { builder } from "../graphql/builder.ts";
import type { ReportColumn, ReportRow } from "./report-definition.ts";

/** A GraphQL object type for a report's rows, one field per column. */
export function reportTableType(name: string, description: string, columns: ReportColumn[]) {
  return builder.objectRef<ReportRow>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        columns.map((column) => {
          const options = {
            nullable: column.nullable ?? false,
            description: column.description ?? column.header,
            resolve: (row: ReportRow) => row[column.key] as never,
          };
          const field =
            column.type === "string"
              ? t.string(options)
              : column.type === "int"
                ? t.int(options)
                : column.type === "float"
                  ? t.float(options)
                  : t.field({ type: "Pence", ...options });
          return [column.key, field];
        }),
      ),
  });
}
