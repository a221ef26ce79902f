import { builder } from "../graphql/builder.ts";
import type { PortalPageBlock, PortalPageColumn } from "./plugin-contract.ts";
import { pageContent, type SchemePageView, schemePagesFor } from "./scheme-pages.ts";

type Paragraph = Extract<PortalPageBlock, { kind: "paragraph" }>;
type Table = Extract<PortalPageBlock, { kind: "table" }>;

const ParagraphRef = builder.objectRef<Paragraph>("SchemePageParagraph").implement({
  description: "A paragraph of a scheme's page.",
  isTypeOf: (block) => (block as PortalPageBlock).kind === "paragraph",
  fields: (t) => ({ text: t.exposeString("text", { description: "The paragraph's words." }) }),
});

const ColumnRef = builder.objectRef<PortalPageColumn>("SchemePageColumn").implement({
  description: "A column of a table on a scheme's page.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "The column's heading." }),
    numeric: t.boolean({
      description: "Counts or amounts, to be right-aligned.",
      resolve: (column) => column.numeric ?? false,
    }),
  }),
});

const RowRef = builder.objectRef<string[]>("SchemePageRow").implement({
  description: "A row of a table on a scheme's page.",
  fields: (t) => ({
    cells: t.stringList({ description: "A cell per column, in order, in words.", resolve: (cells) => cells }),
  }),
});

const TableRef = builder.objectRef<Table>("SchemePageTable").implement({
  description: "A table on a scheme's page; its cells are already in words (amounts formatted).",
  isTypeOf: (block) => (block as PortalPageBlock).kind === "table",
  fields: (t) => ({
    caption: t.exposeString("caption", { description: "What the table shows." }),
    columns: t.field({ type: [ColumnRef], description: "The columns, in order.", resolve: (table) => table.columns }),
    rows: t.field({
      type: [RowRef],
      description: "The rows, in order.",
      resolve: (table) => table.rows,
    }),
    emptyText: t.exposeString("emptyText", { description: "What to say when there are no rows." }),
  }),
});

const BlockRef = builder.unionType("SchemePageBlock", {
  description: "One block of a scheme's page: a paragraph or a table.",
  types: [ParagraphRef, TableRef],
  resolveType: (block) => (block.kind === "paragraph" ? ParagraphRef : TableRef),
});

const SchemePageRef = builder.objectRef<SchemePageView>("SchemePage").implement({
  description:
    "A page a scheme plugin adds to the portal, described as data (paragraphs and tables) so the portal renders it without knowing the scheme.",
  fields: (t) => ({
    id: t.string({
      description: 'Unique across schemes: "<scheme id>.<page id>", e.g. "leeds.unmet-needs".',
      resolve: ({ plugin, page }) => `${plugin.id}.${page.id}`,
    }),
    schemeId: t.string({ description: "The scheme's id.", resolve: ({ plugin }) => plugin.id }),
    pageId: t.string({ description: "The page's id within its scheme.", resolve: ({ page }) => page.id }),
    schemeName: t.string({ description: "The scheme's name, for people.", resolve: ({ plugin }) => plugin.name }),
    title: t.string({ description: "The page's title.", resolve: ({ page }) => page.title }),
    summary: t.string({ description: "One line saying what the page is for.", resolve: ({ page }) => page.summary }),
    blocks: t.field({
      type: [BlockRef],
      description: "The page's content, built for you from your authority's records and settings.",
      resolve: (view) => pageContent(view),
    }),
  }),
});

builder.queryField("schemePages", (t) =>
  t.field({
    type: [SchemePageRef],
    description: "The pages of the schemes your authority runs that your roles may open, for the portal's menu.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => schemePagesFor(context),
  }),
);

builder.queryField("schemePage", (t) =>
  t.field({
    type: SchemePageRef,
    nullable: true,
    description: "One scheme page; null when there is no such page, or your authority or roles do not open it.",
    authScopes: { signedIn: true },
    args: {
      schemeId: t.arg.string({ description: 'The scheme\'s id, e.g. "leeds".' }),
      pageId: t.arg.string({ description: 'The page\'s id within the scheme, e.g. "unmet-needs".' }),
    },
    resolve: async (_root, args, context) =>
      (await schemePagesFor(context)).find(
        ({ plugin, page }) => plugin.id === args.schemeId && page.id === args.pageId,
      ) ?? null,
  }),
);
