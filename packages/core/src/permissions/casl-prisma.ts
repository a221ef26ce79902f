// CASL's Prisma integration pointed at our generated client: Prisma 7's `prisma-client`
// generator writes the client into our source tree, so @casl/prisma's default entry
// (which imports `@prisma/client`) cannot see our models. This is the wrapper its README asks for.
import type { MongoAbility } from "@casl/ability";
import { accessibleBy, createPrismaAbility, type Model, type PrismaQueryOf, type Subjects } from "@casl/prisma/runtime";
import type * as Models from "../generated/prisma/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export { accessibleBy, createPrismaAbility };

export type PrismaQuery<T extends Model<object, string> = Model<object, string>> = PrismaQueryOf<Prisma.TypeMap, T>;

/** Every model that permissions speak about. */
export type AppSubjects =
  | "all"
  | Subjects<{
      Authority: Models.Authority;
      Area: Models.Area;
      StaffUser: Models.StaffUser;
      RoleAssignment: Models.RoleAssignment;
      Child: Models.Child;
      Household: Models.Household;
      Case: Models.Case;
      Assessment: Models.Assessment;
      TeamMeeting: Models.TeamMeeting;
      UnmetNeed: Models.UnmetNeed;
      Budget: Models.Budget;
      LedgerEntry: Models.LedgerEntry;
      Supplier: Models.Supplier;
      Delegation: Models.Delegation;
      PurchaseRequest: Models.PurchaseRequest;
      Decision: Models.Decision;
      Attachment: Models.Attachment;
      AuditEvent: Models.AuditEvent;
    }>;

/**
 * `decide` is approving, rejecting or returning a purchase request; `fulfil` is placing the
 * order or issuing cash; `allocate` is putting money into a budget; `handOver` is giving a case
 * to another lead professional and `close` is closing it. `report` on a case is counting it in
 * monitoring reports (figures, not the child's record).
 */
export type Action =
  | "manage"
  | "read"
  | "create"
  | "update"
  | "delete"
  | "decide"
  | "fulfil"
  | "allocate"
  | "handOver"
  | "close"
  | "report";

export type AppAbility = MongoAbility<[Action, AppSubjects], PrismaQuery>;

export type SubjectName = Exclude<AppSubjects, "all" | { __caslSubjectType__: string }> & string;
