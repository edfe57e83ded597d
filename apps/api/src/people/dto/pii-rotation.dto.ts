import { ApiProperty } from '@nestjs/swagger';

export class PiiRotationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'], enumName: 'PiiRotationStatus' })
  status: 'running' | 'completed' | 'failed';
  @ApiProperty({ description: 'Encryption key version every row ends with' }) encryptionVersion: number;
  @ApiProperty({ description: 'Hash key version every row ends with' }) hashVersion: number;
  @ApiProperty({ description: 'Rows that needed rewriting' }) total: number;
  @ApiProperty({ description: 'Rows rewritten so far (committed batches)' }) done: number;
  @ApiProperty({
    description: 'Passes over the table finished (another follows when rows under old keys remain)',
  })
  passes: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the run stopped, for a failed one' })
  error: string | null;
  @ApiProperty({ type: String, nullable: true }) startedByName: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class PiiKeyCount {
  @ApiProperty() encryptionVersion: number;
  @ApiProperty() hashVersion: number;
  @ApiProperty({ description: 'ID numbers stored under this pair of key versions' }) rows: number;
}

export class PiiKeyStatusResponse {
  @ApiProperty({ type: [Number], description: 'Configured encryption key versions, newest first' })
  encryptionVersions: number[];
  @ApiProperty({ type: [Number], description: 'Configured hash key versions, newest first' })
  hashVersions: number[];
  @ApiProperty({ description: 'The version new ID numbers are encrypted with' })
  currentEncryptionVersion: number;
  @ApiProperty({ description: 'The version new matching hashes are made with' }) currentHashVersion: number;
  @ApiProperty({ type: [PiiKeyCount] }) counts: PiiKeyCount[];
  @ApiProperty({ description: 'ID numbers not yet under the newest keys' }) stale: number;
  @ApiProperty({ type: [PiiRotationResponse], description: 'The 20 newest runs' })
  rotations: PiiRotationResponse[];
}
