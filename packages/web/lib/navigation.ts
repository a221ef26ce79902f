import type { Role } from "./generated/graphql";

export interface NavigationItem {
  href: string;
  label: string;
  /** Shown to people holding any of these roles; everyone when left out. */
  roles?: Role[];
}

/**
 * The service navigation. A new area of the portal (reports, say) joins by adding its entry here;
 * each person sees the entries their roles open.
 */
export const navigation: NavigationItem[] = [
  { href: "/", label: "Home" },
  { href: "/cases", label: "Cases", roles: ["LEAD_PROFESSIONAL", "APPROVER", "AUTHORITY_ADMIN"] },
  { href: "/decisions", label: "Decisions", roles: ["APPROVER", "BUDGET_MANAGER"] },
  { href: "/budgets", label: "Budgets", roles: ["BUDGET_MANAGER", "FINANCE_OFFICER", "APPROVER", "OVERSEER"] },
  { href: "/finance", label: "Orders and cash", roles: ["FINANCE_OFFICER"] },
  {
    href: "/reports",
    label: "Reports",
    roles: ["OVERSEER", "BUDGET_MANAGER", "FINANCE_OFFICER", "AUTHORITY_ADMIN", "PLATFORM_ADMIN", "APPROVER"],
  },
  { href: "/suppliers", label: "Suppliers", roles: ["FINANCE_OFFICER", "AUTHORITY_ADMIN"] },
  { href: "/admin/schemes", label: "Schemes", roles: ["AUTHORITY_ADMIN"] },
  { href: "/admin/staff", label: "Staff", roles: ["AUTHORITY_ADMIN"] },
];

export function navigationFor(roles: readonly Role[]): NavigationItem[] {
  return navigation.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}
