import PDFDocument from "pdfkit";
import type { CaseStudyDocument } from "./case-study-document.ts";

const NOT_ANSWERED = "(not yet answered)";

/**
 * A printable A4 copy of a filled form, laid out as the paper original: its title, then each
 * section under its own heading with every question and its answer. PDFKit's built-in Helvetica
 * needs no font files (nothing is downloaded), and covers the £ sign.
 */
export function renderCaseStudyPdf(document: CaseStudyDocument, printedOn = new Date()): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: document.title, Subject: document.subtitle, Creator: "Pathfinder" },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.font("Helvetica-Bold").fontSize(16).text(document.title);
  if (document.subtitle) pdf.font("Helvetica").fontSize(11).text(document.subtitle);
  pdf
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#505a5f")
    .text(`Printed from Pathfinder on ${printedOn.toISOString().slice(0, 10)}. Confidential: about a child.`)
    .fillColor("black");
  for (const section of document.sections) {
    pdf.moveDown(1).font("Helvetica-Bold").fontSize(13).text(section.title);
    pdf
      .moveTo(pdf.page.margins.left, pdf.y)
      .lineTo(pdf.page.width - pdf.page.margins.right, pdf.y)
      .stroke();
    for (const question of section.questions) {
      pdf.moveDown(0.5).font("Helvetica-Bold").fontSize(10).text(question.label);
      pdf
        .font("Helvetica")
        .fontSize(10)
        .text(question.answer || NOT_ANSWERED);
    }
  }
  pdf.end();
  return done;
}
