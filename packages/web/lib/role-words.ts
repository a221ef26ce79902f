import type { Role } from "./generated/graphql";

/** Core's roles in words; a scheme's own title (session `label`) replaces them where it has one. */
export const roleWords: Record<Role, string> = {
  LEAD_PROFESSIONAL: "Lead professional",
  APPROVER: "Approver",
  BUDGET_MANAGER: "Budget manager",
  FINANCE_OFFICER: "Finance officer",
  OVERSEER: "Overseer",
  AUTHORITY_ADMIN: "Administrator",
  PLATFORM_ADMIN: "Platform administrator",
};

/** The roles an authority administrator gives; platform administration is the platform's own. */
export const grantableRoles: Role[] = [
  "LEAD_PROFESSIONAL",
  "APPROVER",
  "BUDGET_MANAGER",
  "FINANCE_OFFICER",
  "OVERSEER",
  "AUTHORITY_ADMIN",
];
