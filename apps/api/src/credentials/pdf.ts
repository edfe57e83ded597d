import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

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
  // The QR code and the address under it sit in the bottom right corner, pure black on white so a black-and-white
  // copy still scans; the lines on the left say the same in words.
  const qrSize = 132;
  const qrX = doc.page.width - 56 - qrSize;
  const qrY = doc.page.height - 72 - qrSize - 34;
  drawQrCode(doc, c.verifyUrl, qrX, qrY, qrSize);
  doc.fontSize(8).fillColor('#000000');
  doc.text('扫码查验 Scan to verify', qrX, qrY + qrSize + 2, { width: qrSize, align: 'center' });
  const textWidth = qrX - 56 - 16;
  doc.fontSize(11).fillColor('#1b1b1b');
  doc.text(`证书编号 No.：${c.number}`, 56, qrY + 16, { width: textWidth });
  doc.text(`验证码 Verification code：${c.verificationCode}`, { width: textWidth });
  doc.moveDown(0.5).text('查验 Verify at:', { width: textWidth });
  doc.text(c.verifyUrl, { width: textWidth });
}

/** A QR code as filled squares (vector: sharp at any print size), with error correction M and a 4-module margin. */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const cell = size / (modules + 8);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules; row++) {
    // One rectangle per run of dark modules in a row: no hairline seams between neighbours when rasterised.
    for (let col = 0; col < modules; col++) {
      if (!qr.modules.get(row, col)) continue;
      let end = col;
      while (end + 1 < modules && qr.modules.get(row, end + 1)) end++;
      doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, (end - col + 1) * cell, cell);
      col = end;
    }
  }
  doc.fill('#000000');
  doc.restore();
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
    certificateRevokedOn?: string | null;
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
        `${e.providerName} · ${e.hours} 学时 · ${e.credits} 学分${e.certificateNumber ? ` · 证书 ${e.certificateNumber}` : ''}` +
          (e.certificateRevokedOn ? ` · 已撤销 Revoked ${e.certificateRevokedOn}` : ''),
      );
    doc.fillColor('#1b1b1b').moveDown(0.5);
  }
}
