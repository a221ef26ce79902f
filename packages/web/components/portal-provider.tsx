"use client";
import { type ReactNode, useState } from "react";
import { Provider } from "urql";
import { createPortalClient } from "../lib/urql-client";

export function PortalProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createPortalClient);
  return <Provider value={client}>{children}</Provider>;
}
