"use client";
import { useQuery } from "urql";
import { graphql } from "../lib/generated";
import type { Role } from "../lib/generated/graphql";
import { grantableRoles, roleWords } from "../lib/role-words";
import { Radios, Select } from "./form-fields";
import { useSession } from "./session";

const AreasDocument = graphql(`
  query RoleAreas {
    areas(first: 100) { edges { node { id name } } }
  }
`);

export interface RoleDraft {
  role: Role | "";
  areaId: string;
}

/** Which role, and where: the radios for the role, then the area it is limited to (or none). */
export function RoleFields({
  name,
  draft,
  onChange,
  errors,
}: {
  /** The API's field for the role and the area, e.g. "roles.0" or "" for top-level `role` and `areaId`. */
  name: string;
  draft: RoleDraft;
  onChange(draft: RoleDraft): void;
  errors: { role?: string; areaId?: string };
}) {
  const { label } = useSession();
  const [{ data }] = useQuery({ query: AreasDocument });
  const field = (part: string) => (name ? `${name}.${part}` : part);
  return (
    <>
      <Radios
        name={field("role")}
        label="Role"
        small
        value={draft.role}
        error={errors.role}
        onChange={(role) => onChange({ ...draft, role: role as Role })}
        options={grantableRoles.map((role) => ({ value: role, label: label(role, roleWords[role]) }))}
      />
      <Select
        name={field("areaId")}
        label="Where"
        hint="Limit the role to one area, or leave it for the whole authority."
        value={draft.areaId}
        error={errors.areaId}
        onChange={(areaId) => onChange({ ...draft, areaId })}
        options={[
          { value: "", label: "The whole authority" },
          ...(data?.areas.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name })),
        ]}
      />
    </>
  );
}
