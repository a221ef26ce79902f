// CASL's Prisma integration pointed at our generated client: Prisma 7's `prisma-client`
// generator writes the client into our source tree, so @casl/prisma's default entry
// (which imports `@prisma/client`) cannot see our models. This is the wrapper its README asks for.
import type { MongoAbility } from "@casl/ability";
import { accessibleBy, createPrismaAbility, type Model, type PrismaQueryOf, type Subjects } from "@casl/prisma/runtime";
import type { Area, Authority, Prisma, RoleAssignment, StaffUser } from "../generated/prisma/client.ts";

export { accessibleBy, createPrismaAbility };

export type PrismaQuery<T extends Model<object, string> = Model<object, string>> = PrismaQueryOf<Prisma.TypeMap, T>;

export type AppSubjects =
  | "all"
  | Subjects<{
      Authority: Authority;
      Area: Area;
      StaffUser: StaffUser;
      RoleAssignment: RoleAssignment;
    }>;

export type Action = "manage" | "read" | "create" | "update" | "delete";

export type AppAbility = MongoAbility<[Action, AppSubjects], PrismaQuery>;
