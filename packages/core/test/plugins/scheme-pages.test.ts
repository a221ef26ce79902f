// A plugin's own pages: declared as data in its manifest, listed and served by core only to the
// roles named, in authorities that run the scheme, built from that authority's records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { formatPence, type Pence } from "../../src/domain/money.ts";
import { checkPlugins } from "../../src/plugins/installed-plugins.ts";
import { defineSchemePlugin, type PortalPage, type SchemePlugin } from "../../src/plugins/plugin-contract.ts";
import { coreScheme } from "../../src/schemes/core-scheme.ts";
import { addStaff } from "../suppliers/add-staff.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

const areasPage: PortalPage<{ motto: string }> = {
  id: "areas",
  title: "Our areas",
  summary: "Every area, with the scheme's motto.",
  roles: ["OVERSEER", "AUTHORITY_ADMIN"],
  // Read through the request's transaction: the authority's own rows only.
  content: async ({ db }, settings) => {
    const areas = await db.area.findMany({ orderBy: { name: "asc" } });
    return [
      { kind: "paragraph", text: settings.motto },
      {
        kind: "table",
        caption: "Areas",
        columns: [{ label: "Area" }, { label: "Fund", numeric: true }],
        rows: areas.map((area) => [area.name, formatPence(1_234_56 as Pence)]),
        emptyText: "No areas.",
      },
    ];
  },
};

const tiny = defineSchemePlugin({
  id: "tiny-town",
  name: "Tiny Town",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: z.object({ motto: z.string().default("Small steps.") }),
  rules: () => coreScheme,
  pages: [areasPage],
});

const PAGES = "{ schemePages { id schemeId pageId schemeName title summary } }";
const PAGE = `query ($schemeId: String!, $pageId: String!) {
  schemePage(schemeId: $schemeId, pageId: $pageId) {
    title
    blocks {
      __typename
      ... on SchemePageParagraph { text }
      ... on SchemePageTable { caption columns { label numeric } rows { cells } emptyText }
    }
  }
}`;

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let tokens: Record<"overseer" | "lp" | "admin" | "betaAdmin", string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await seedTwoAuthorities(database.db);
  await addStaff(database.db, seeded.a.authorityId, "overseer@alpha.test", "OVERSEER");
  // Alphaton runs the scheme with a motto of its own; Betaford does not run it.
  await database.db.authorityScheme.create({ data: { authorityId: seeded.a.authorityId, schemeId: "tiny-town" } });
  await database.db.schemeSettings.create({
    data: {
      authorityId: seeded.a.authorityId,
      schemeId: "tiny-town",
      version: 1,
      settings: { motto: "Alphaton looks after its own." },
      effectiveFrom: new Date("2020-01-01"),
    },
  });
  api = createTestApi(database.db, { plugins: [tiny as SchemePlugin] });
  const [overseer, lp, admin, betaAdmin] = await Promise.all(
    ["overseer@alpha.test", "lp@alpha.test", "admin@alpha.test", "admin@beta.test"].map((email) =>
      api.signIn(email, TEST_PASSWORD),
    ),
  );
  tokens = { overseer, lp, admin, betaAdmin } as typeof tokens;
});
afterAll(() => database.drop());

describe("a scheme's pages", () => {
  it("are listed for the roles named, in an authority that runs the scheme", async () => {
    const expected = [
      {
        id: "tiny-town.areas",
        schemeId: "tiny-town",
        pageId: "areas",
        schemeName: "Tiny Town",
        title: "Our areas",
        summary: "Every area, with the scheme's motto.",
      },
    ];
    expect((await api.graphql(PAGES, {}, tokens.overseer)).data?.schemePages).toEqual(expected);
    expect((await api.graphql(PAGES, {}, tokens.admin)).data?.schemePages).toEqual(expected);
    expect((await api.graphql(PAGES, {}, tokens.lp)).data?.schemePages).toEqual([]);
    expect((await api.graphql(PAGES, {}, tokens.betaAdmin)).data?.schemePages).toEqual([]);
  });

  it("serve their content, built from the authority's own records and settings", async () => {
    const page = (await api.graphql(PAGE, { schemeId: "tiny-town", pageId: "areas" }, tokens.overseer)).data
      ?.schemePage;
    expect(page).toEqual({
      title: "Our areas",
      blocks: [
        { __typename: "SchemePageParagraph", text: "Alphaton looks after its own." },
        {
          __typename: "SchemePageTable",
          caption: "Areas",
          columns: [
            { label: "Area", numeric: false },
            { label: "Fund", numeric: true },
          ],
          rows: [{ cells: ["Alphaton North", "£1,234.56"] }, { cells: ["Alphaton South", "£1,234.56"] }],
          emptyText: "No areas.",
        },
      ],
    });
  });

  it("are null to another role, another authority, and for a page that does not exist", async () => {
    for (const [token, pageId] of [
      [tokens.lp, "areas"],
      [tokens.betaAdmin, "areas"],
      [tokens.admin, "nowhere"],
    ] as const)
      expect((await api.graphql(PAGE, { schemeId: "tiny-town", pageId }, token)).data?.schemePage).toBeNull();
    expect((await api.graphql(PAGES, {})).errors?.[0]?.message).toMatch(/Not authorized/);
  });

  it("must have well-formed, distinct ids, a title and roles, or the plugin is refused at start-up", () => {
    const withPages = (pages: PortalPage[]) => ({ ...tiny, pages }) as SchemePlugin;
    expect(() => checkPlugins([withPages([{ ...areasPage, id: "Our Areas" }])])).toThrow(
      'Plugin "tiny-town" cannot be loaded: its page "Our Areas" needs an id of lower-case letters, digits and hyphens',
    );
    expect(() => checkPlugins([withPages([areasPage, areasPage])])).toThrow('it declares the page "areas" twice');
    expect(() => checkPlugins([withPages([{ ...areasPage, roles: [] }])])).toThrow(
      'its page "areas" needs a title, at least one role and its content',
    );
  });
});
