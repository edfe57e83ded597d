import { ApiProperty } from '@nestjs/swagger';

export class RecordEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() providerName: string;
  @ApiProperty() category: string;
  @ApiProperty() hours: number;
  @ApiProperty() credits: number;
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiProperty({ type: String, nullable: true }) certificateId: string | null;
  @ApiProperty({ type: String, nullable: true }) certificateNumber: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Set when the certificate was revoked',
  })
  certificateRevokedOn: string | null;
}

export class RecordTotals {
  @ApiProperty() hours: number;
  @ApiProperty() credits: number;
  @ApiProperty() courses: number;
}

export class RecordResponse {
  @ApiProperty({ type: [RecordEntry] }) entries: RecordEntry[];
  @ApiProperty({ type: RecordTotals }) totals: RecordTotals;
}

export class CertificateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty() verificationCode: string;
  @ApiProperty({ description: 'The PDF has been made and can be downloaded' }) pdfReady: boolean;
  @ApiProperty({
    type: String,
    enum: ['font_missing'],
    nullable: true,
    description: 'Why the PDF could not be made yet; it is made automatically once the problem is fixed',
  })
  pdfProblem: 'font_missing' | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Set when the certificate was revoked',
  })
  revokedOn: string | null;
}

export class VerificationResponse {
  @ApiProperty() number: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status: 'valid' | 'revoked';
  @ApiProperty({ example: '王*兰', description: 'Masked: nothing else personal is shown' })
  holderMasked: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty() hours: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) revokedOn: string | null;
}
