import PDFDocument from 'pdfkit';

export interface PdfFont {
  path: string;
  family: string;
}

/** Renders a PDF in memory with a CJK font, so Chinese text shows (pdfkit embeds only the glyphs used). */
export function renderPdf(font: PdfFont, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: 'County lifelong-learning platform' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      if (font.family) doc.font(font.path, font.family);
      else doc.font(font.path);
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

export interface CertificateFacts {
  number: string;
  verificationCode: string;
  holderName: string;
  courseTitle: string;
  providerName: string;
  hours: number;
  credits: number;
  issuedOn: string;
  verifyUrl: string;
}

export function drawCertificate(doc: PDFKit.PDFDocument, c: CertificateFacts): void {
  const width = doc.page.width - 112;
  doc
    .rect(36, 36, doc.page.width - 72, doc.page.height - 72)
    .lineWidth(2)
    .stroke('#0b4f6c');
  doc.moveDown(3).fontSize(30).fillColor('#0b4f6c').text('结业证书', { align: 'center', width });
  doc.fontSize(14).fillColor('#454545').text('Certificate of Completion', { align: 'center', width });
  doc.moveDown(2).fontSize(18).fillColor('#1b1b1b');
  doc.text(`${c.holderName} 同志：`, { width });
  doc
    .moveDown(0.5)
    .text(
      `于 ${c.issuedOn} 完成“${c.courseTitle}”课程学习，共 ${c.hours} 学时、${c.credits} 学分，成绩合格，特发此证。`,
      {
        width,
        lineGap: 6,
      },
    );
  doc.moveDown(3).fontSize(16).text(c.providerName, { align: 'right', width });
  doc.text(c.issuedOn, { align: 'right', width });
  doc.moveDown(4).fontSize(11).fillColor('#454545');
  doc.text(`证书编号 No.：${c.number}`, { width });
  doc.text(`验证码 Verification code：${c.verificationCode}`, { width });
  doc.text(`查验 Verify：${c.verifyUrl}`, { width });
}

export interface RecordFacts {
  holderName: string;
  exportedOn: string;
  totals: { hours: number; credits: number; courses: number };
  entries: Array<{
    courseTitle: string;
    providerName: string;
    hours: number;
    credits: number;
    completedOn: string;
    certificateNumber: string | null;
  }>;
}

export function drawRecord(doc: PDFKit.PDFDocument, r: RecordFacts): void {
  doc.fontSize(22).fillColor('#0b4f6c').text('终身学习档案 Lifelong learning record');
  doc.moveDown(0.5).fontSize(12).fillColor('#1b1b1b');
  doc.text(`姓名：${r.holderName}    导出日期：${r.exportedOn}`);
  doc.text(`合计：${r.totals.courses} 门课程，${r.totals.hours} 学时，${r.totals.credits} 学分`);
  doc.moveDown();
  for (const e of r.entries) {
    doc.fontSize(13).text(`${e.completedOn}  ${e.courseTitle}`);
    doc
      .fontSize(11)
      .fillColor('#454545')
      .text(
        `${e.providerName} · ${e.hours} 学时 · ${e.credits} 学分${e.certificateNumber ? ` · 证书 ${e.certificateNumber}` : ''}`,
      );
    doc.fillColor('#1b1b1b').moveDown(0.5);
  }
}
