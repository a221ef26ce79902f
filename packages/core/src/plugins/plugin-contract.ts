// The plugin contract: everything a scheme contributes, declared in one object that its
// package exports. Core reads these declarations; it never imports a plugin.
// See packages/plugins/README.md for a walk-through with the smallest plugin.

import type { AbilityBuilder } from "@casl/ability";
import type { z } from "zod";
import type { Database } from "../db/prisma-client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { builder } from "../graphql/builder.ts";
import type { EventWording, NotificationEvent } from "../notifications/notification-wording.ts";
import type { AppAbility } from "../permissions/casl-prisma.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemeHooks, SchemeRules } from "../schemes/scheme-rules.ts";

/** A scheme's own name for a role, mapped onto one of core's roles. */
export interface PluginRole {
  /** e.g. "Pathway co-ordinator", "Integrated Processes Coordinator (IPC)". */
  label: string;
  /** The core role whose powers it has, e.g. APPROVER. */
  coreRole: Role;
}

/** A field the portal renders in a form section: its shape comes from the plugin's zod schema. */
export interface PortalField {
  /** Dotted path into the plugin's request or case extension, e.g. "exceptionalReason". */
  name: string;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "checkbox" | "date" | "pence" | "list";
}

/** What the portal shows for a scheme, without knowing the scheme by name. */
export interface PortalContribution {
  /** Words that replace core's, e.g. { APPROVER: "Pathway co-ordinator", "purchaseRequest": "Application" }. */
  labels?: Record<string, string>;
  /** Extra sections of the purchase request form, stored under `extensions[pluginId]`. */
  requestFormSections?: { title: string; fields: PortalField[] }[];
  /** Rules to show before they are broken ("Up to £100 you sign off yourself"), from the settings. */
  guidance?: (settings: never) => string[];
}

/** One question (or box) of a paper form, in the original's words. */
export interface CaseStudyQuestion {
  /** Stable within the form: the key of its answer. */
  key: string;
  label: string;
  /** "professional": written by the professional (saved through the form's `save`); "records": filled from what Pathfinder holds. */
  answeredBy: "professional" | "records";
}

/** A section of a paper form, e.g. "Part two (for completion by locality co-ordinator)". */
export interface CaseStudySection {
  title: string;
  questions: CaseStudyQuestion[];
}

/** What a form's `fill` and `save` are given: the request's transaction (held to the viewer's authority). */
export interface CaseStudyContext {
  db: Database;
  viewer: Viewer;
  /** The row id of the case or purchase request the form is about; core has checked the viewer may read it. */
  subjectId: string;
}

/**
 * A scheme's monitoring or case-study form (Leeds' case study proforma, Dorset's application
 * and monitoring form): its sections as on paper, how to fill it from what the platform holds,
 * and how to store what the professional writes. Core serves it through GraphQL and as a PDF.
 */
export interface CaseStudyForm {
  /** Unique within the plugin, e.g. "case-study"; core addresses it as "<plugin id>.<id>". */
  id: string;
  title: string;
  /** A line under the title, e.g. the scheme's name. */
  subtitle?: string;
  /** What one copy of the form is about. */
  subject: "Case" | "PurchaseRequest";
  sections: CaseStudySection[];
  /**
   * Every answer by question key (empty string: not yet answered), or null when this subject has
   * no such form (another scheme's request) or the viewer may not read it.
   */
  fill(context: CaseStudyContext): Promise<Record<string, string> | null>;
  /** Stores the professional's answers (only keys of questions they answer); throw a DomainError to refuse. */
  save?(context: CaseStudyContext & { answers: Record<string, string>; complete: boolean }): Promise<void>;
}

/** A column of a page's table; `numeric` columns are right-aligned (counts, amounts). */
export interface PortalPageColumn {
  label: string;
  numeric?: boolean;
}

/**
 * One block of a plugin's page, described as data so that the portal renders it without
 * knowing the scheme: a paragraph, or a table whose cells the plugin has already put in words
 * (`formatPence` for money).
 */
export type PortalPageBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "table"; caption: string; columns: PortalPageColumn[]; rows: string[][]; emptyText: string };

/** What a page's `content` is given: the request's transaction (held to the viewer's authority). */
export interface PortalPageContext {
  db: Database;
  viewer: Viewer;
}

/**
 * A page of its own a scheme adds to the portal (Leeds' unmet needs for commissioning, say).
 * Core lists it in the portal's menu for the roles named, and serves its content at
 * /schemes/<plugin id>/<page id> only to those roles in authorities that enabled the scheme.
 */
export interface PortalPage<Settings = any> {
  /** Lower-case, a-z and hyphens, unique within the plugin: its address in the portal. */
  id: string;
  title: string;
  /** One line saying what the page is for, shown under its title and in the menu. */
  summary: string;
  /** Core roles (the viewer's own, not cover's) that may open it. */
  roles: Role[];
  content(context: PortalPageContext, settings: Settings): Promise<PortalPageBlock[]>;
}

export interface DemoSeedHelpers {
  /** Enables this plugin for an authority with the given settings (versioned from today). */
  enable(authorityId: string, settings?: unknown): Promise<void>;
}

/**
 * One scheme, as a plugin. Only `id`, `name`, `version`, `coreVersion`, `settings` and `rules`
 * are required; every other slot is optional and a plugin declares only what it uses.
 */
export interface SchemePlugin<Settings = any> {
  /** Lower-case, a-z and hyphens: "devon", "children-in-care". Also the GraphQL prefix (camel-cased). */
  id: string;
  name: string;
  version: string;
  /** The versions of @pathfinder/core it works with, as a semver range: "^0.1.0". */
  coreVersion: string;
  /** What an authority configures. Parsed (defaults applied) whenever settings are saved. */
  settings: z.ZodType<Settings>;
  /** The scheme's policies, built from one version of an authority's settings. */
  rules(settings: Settings): Omit<SchemeRules, "schemeId" | "rulesVersion">;
  /** Extra attributes on a purchase request, kept in `extensions[id]` and validated on every write. */
  requestExtension?: z.ZodType;
  roles?: Record<string, PluginRole>;
  /** CASL rules added to the ability of viewers in authorities that enabled the scheme. */
  permissions?: (can: AbilityBuilder<AppAbility>["can"], viewer: Viewer, settings: Settings) => void;
  /** Registers the plugin's own GraphQL types and fields (prefixed with its id) on the shared builder. */
  graphql?: (schemaBuilder: typeof builder, gate: SchemeGate) => void;
  /** Called by core's engine at each stage, inside its transaction (throw a DomainError to refuse). */
  hooks?: SchemeHooks;
  /** Demo data: an invented authority that runs this scheme. */
  seedDemo?: (db: Database, helpers: DemoSeedHelpers) => Promise<void>;
  portal?: PortalContribution;
  /**
   * Whether an approver of an authority running the scheme may hand their decisions to a colleague
   * (arrangeCover): null when they may, otherwise the reason, shown to the approver. Leave it out
   * to allow cover, as most schemes do.
   */
  cover?: (settings: Settings) => string | null;
  /** Pages of the scheme's own in the portal, each built from data (see PortalPage). */
  pages?: PortalPage<Settings>[];
  /** Monitoring and case-study forms, served by core through GraphQL and as printable PDFs. */
  caseStudyForms?: CaseStudyForm[];
  /** The scheme's words in the e-mails core sends about its requests. */
  notifications?: NotificationContribution;
  /**
   * Required of a plugin whose own tables hold anything personal about a case or its requests
   * (test/security/retention.test.ts fails a plugin table left out): what the retention job
   * removes from them when it pseudonymises a case.
   */
  retention?: RetentionContribution;
}

/** What core's retention job (`npm run jobs:retention`) gives a plugin for each case it pseudonymises. */
export interface RetentionContext {
  /** The case's transaction, held to its authority by row-level security, as the application role. */
  db: Database;
  caseId: string;
  /**
   * The child's and family's names found on the case, for free text: the SQL function
   * `redact_names(text, names text[])` replaces each with "[name removed]".
   */
  names: string[];
}

/**
 * A scheme's part in retention. Called for every case pseudonymised, whether or not its
 * authority still runs the scheme (the rows outlive the setting), in the same transaction as
 * core's own changes, so a case is pseudonymised whole or not at all. Remove or redact personal
 * data; keep what money and statistics need, as core does (SECURITY.md, "Retention").
 */
export interface RetentionContribution {
  /** The plugin's tables this covers, e.g. ["dorset_agreement"]: the retention test holds every table to one. */
  tables: string[];
  pseudonymiseCase(context: RetentionContext): Promise<void>;
}

/**
 * A scheme's wording for notification e-mails, by event; whatever it leaves out stays core's.
 * Placeholders in braces are filled from references and figures only (never a child's name):
 * {reference}, {caseReference}, {initials}, {amount}, {step}, {outcome}, {reviewDueOn}, {link}.
 *
 * @example
 * notifications: { wording: { "approval-awaited": { subject: "Application {reference} needs the panel" } } }
 */
export interface NotificationContribution {
  wording?: Partial<Record<NotificationEvent, Partial<EventWording>>>;
}

/**
 * Call first in every resolver a plugin adds: refuses viewers whose authority has not enabled
 * the scheme, and returns the authority's settings in force today (parsed, defaults applied).
 */
export type SchemeGate = (context: {
  viewer: Viewer | null;
  schemesEnabled(): Promise<Set<string>>;
  schemeSettings(schemeId: string): Promise<unknown>;
}) => Promise<any>;

/** Types a plugin's manifest, with its settings inferred from the zod schema. */
export function defineSchemePlugin<Settings>(plugin: SchemePlugin<Settings>): SchemePlugin<Settings> {
  return plugin;
}
