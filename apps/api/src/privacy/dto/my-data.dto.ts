import { ApiProperty } from '@nestjs/swagger';

const ROWS = {
  type: 'array',
  items: { type: 'object', additionalProperties: true },
} as const;

/** Everything held about the signed-in person, each table's rows with their stored column names. */
export class MyDataExport {
  @ApiProperty({ example: 'cll-my-data/1' }) format: string;
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The account, without the password hash',
  })
  account: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The learner profile; the ID number only masked (id_number_masked)',
  })
  profile: Record<string, unknown> | null;
  @ApiProperty(ROWS) roles: Record<string, unknown>[];
  @ApiProperty(ROWS) enrolments: Record<string, unknown>[];
  @ApiProperty(ROWS) lessonProgress: Record<string, unknown>[];
  @ApiProperty(ROWS) attendance: Record<string, unknown>[];
  @ApiProperty(ROWS) learningRecords: Record<string, unknown>[];
  @ApiProperty({ ...ROWS, description: 'Without the PDF bytes and the signed credential (download those)' })
  certificates: Record<string, unknown>[];
  @ApiProperty({ ...ROWS, description: 'Relationships where I am the resident or the proxy' })
  proxies: Record<string, unknown>[];
  @ApiProperty(ROWS) apprenticeships: Record<string, unknown>[];
  @ApiProperty({ ...ROWS, description: 'Sign-in sessions (no token values)' }) sessions: Record<
    string,
    unknown
  >[];
  @ApiProperty(ROWS) consents: Record<string, unknown>[];
  @ApiProperty(ROWS) notifications: Record<string, unknown>[];
  @ApiProperty(ROWS) courseRequests: Record<string, unknown>[];
  @ApiProperty({ ...ROWS, description: 'Audit events I did, done for me, or about my account' })
  auditEvents: Record<string, unknown>[];
}
