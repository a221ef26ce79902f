"use client";
import { useParams } from "next/navigation";
import { RequestForm } from "../../../../../components/request-form";

export default function NewRequestPage() {
  const { id } = useParams<{ id: string }>();
  return <RequestForm caseId={decodeURIComponent(id)} />;
}
