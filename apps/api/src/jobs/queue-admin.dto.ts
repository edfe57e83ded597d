import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsString, Matches } from 'class-validator';
import { QueueName } from './job.constants.js';

/** Bull job ids here are deterministic (`certificate-pdf:<uuid>`, `repeat:<hash>:<time>`) or Bull's own numbers. */
export const JOB_ID_PATTERN = /^[\w:.-]{1,200}$/;

export class JobParams {
  @ApiProperty({ enum: QueueName, enumName: 'QueueName' })
  @IsEnum(QueueName)
  queue: QueueName;

  @ApiProperty({
    example: 'certificate-pdf:5b0c0f0e-8a5f-4c37-9f0b-3c1c7a1e2d4f',
    pattern: JOB_ID_PATTERN.source,
  })
  @IsString()
  @Matches(JOB_ID_PATTERN)
  jobId: string;
}

export class QueueCountsResponse {
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() completed: number;
  @ApiProperty() failed: number;
  @ApiProperty() paused: number;
}

/** A failed job as staff see it: what ran, how often, why it failed and when. Never the job's data. */
export class FailedJobResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The job name (a JobName value)' }) name: string;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ description: 'Attempts allowed before the job stays failed' }) attempts: number;
  @ApiProperty({ description: 'The last error, at most 500 characters' }) failedReason: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt: string | null;
}

export class QueueSummaryResponse {
  @ApiProperty({ enum: QueueName, enumName: 'QueueName' }) name: QueueName;
  @ApiProperty({ type: QueueCountsResponse }) counts: QueueCountsResponse;
  @ApiProperty({ type: [FailedJobResponse], description: 'The newest failed jobs, at most 50' })
  failedJobs: FailedJobResponse[];
}

export class QueueOverviewResponse {
  @ApiProperty({ type: [QueueSummaryResponse] }) queues: QueueSummaryResponse[];
}

export enum JobActionDone {
  Retried = 'retried',
  Removed = 'removed',
}

export class JobActionResponse {
  @ApiProperty({ enum: QueueName, enumName: 'QueueName' }) queue: QueueName;
  @ApiProperty() jobId: string;
  @ApiProperty({ enum: JobActionDone, enumName: 'JobActionDone' }) done: JobActionDone;
}
