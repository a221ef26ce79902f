// Branded identifiers: an AuthorityId cannot be passed where a StaffUserId is expected,
// which is how cross-tenant mix-ups are caught by the compiler rather than in production.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type AuthorityId = Brand<string, "AuthorityId">;
export type AreaId = Brand<string, "AreaId">;
export type StaffUserId = Brand<string, "StaffUserId">;
