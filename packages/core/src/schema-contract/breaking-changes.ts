// Compares two API contracts with GraphQL Inspector and sorts its findings the way a client
// developer cares about them: breaking (a query that worked will fail), dangerous (it still runs
// but may behave differently, e.g. a new enum value) and safe.
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export interface ContractChanges {
  breaking: string[];
  dangerous: string[];
  safe: string[];
}

export async function compareContracts(releasedSdl: string, currentSdl: string): Promise<ContractChanges> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const messagesAt = (level: CriticalityLevel) =>
    changes.filter((change) => change.criticality.level === level).map((change) => change.message);
  return {
    breaking: messagesAt(CriticalityLevel.Breaking),
    dangerous: messagesAt(CriticalityLevel.Dangerous),
    safe: messagesAt(CriticalityLevel.NonBreaking),
  };
}
