import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompletionRule, CourseMode, EnrolmentStatus, LessonKind, QuestionKind } from '@cll/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ProgressDto {
  @ApiProperty({ description: 'Done with this lesson (repeating it changes nothing)' })
  @IsBoolean()
  completed: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1_000_000,
    description:
      "Where the learner is: seconds into a video (0 to the lesson's stated length; reported every few seconds while " +
      'playing, checked against the time that passed), or a reading position',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
}

export class QuizAttemptDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'For each question, the indexes of the options chosen',
  })
  @IsArray()
  @ArrayMaxSize(50)
  answers: number[][];
}

export class PlayerQuestion {
  @ApiProperty() prompt: string;
  @ApiProperty({ enum: QuestionKind, enumName: 'QuestionKind' }) kind: QuestionKind;
  @ApiProperty({ type: [String] }) options: string[];
}

export class PlayerQuiz {
  @ApiProperty() passMark: number;
  @ApiProperty({ type: [PlayerQuestion] }) questions: PlayerQuestion[];
}

/** What the course's rule asks of this lesson and how far the learner is; null fields do not apply to its kind. */
export class LessonEvidence {
  @ApiProperty({ type: Number, nullable: true, description: 'Video: the stated length in seconds' })
  lengthSeconds: number | null;
  @ApiProperty({ description: 'Video: seconds played in real time (each stretch once)' })
  playedSeconds: number;
  @ApiProperty({ description: 'Video: whole percent of the stated length played' }) playedPercent: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Video: percent the course asks for' })
  neededPercent: number | null;
  @ApiProperty({ description: 'Text: seconds the lesson was open' }) readSeconds: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Text: seconds the course asks for' })
  neededReadSeconds: number | null;
}

export class LessonProgressView {
  @ApiProperty() completed: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) position: number | null;
  @ApiProperty({ type: Number, nullable: true }) bestScore: number | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: LessonEvidence }) evidence: LessonEvidence;
}

export class PlayerLesson {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: LessonKind, enumName: 'LessonKind' }) kind: LessonKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: String, nullable: true }) videoUrl: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMinutes: number | null;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: PlayerQuiz, nullable: true, description: 'Without the answers' })
  quiz: PlayerQuiz | null;
  @ApiProperty({ type: LessonProgressView }) progress: LessonProgressView;
}

export class PlayerCourse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CourseMode, enumName: 'CourseMode' }) mode: CourseMode;
  @ApiProperty({ enum: CompletionRule, enumName: 'CompletionRule' }) completionRule: CompletionRule;
  @ApiProperty({ description: 'Percent of a video lesson that must be played' }) videoSharePercent: number;
  @ApiProperty({ description: 'Seconds a text lesson must be open' }) textMinSeconds: number;
}

export class PlayerEnrolment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EnrolmentStatus, enumName: 'EnrolmentStatus' }) status: EnrolmentStatus;
}

export class PlayerAttendance {
  @ApiProperty() attended: number;
  @ApiProperty({ description: 'Class dates held so far' }) held: number;
  @ApiProperty({ description: 'Classes the learner must attend' }) needed: number;
}

export class PlayerResponse {
  @ApiProperty({ type: PlayerCourse }) course: PlayerCourse;
  @ApiProperty({ type: PlayerEnrolment }) enrolment: PlayerEnrolment;
  @ApiProperty({ type: [PlayerLesson] }) lessons: PlayerLesson[];
  @ApiProperty({ type: String, nullable: true, description: 'Where to carry on' }) resumeLessonId:
    string | null;
  @ApiProperty() requiredDone: number;
  @ApiProperty() requiredTotal: number;
  @ApiProperty({ type: PlayerAttendance }) attendance: PlayerAttendance;
}

export class ProgressResponse {
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty() completed: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) position: number | null;
  @ApiProperty({ type: LessonEvidence }) evidence: LessonEvidence;
  @ApiProperty({ description: 'Video: seconds this report added (0 for a jump, a report too soon, or text)' })
  credited: number;
  @ApiProperty({ description: 'This request completed the course' }) courseCompleted: boolean;
}

export class QuizResultResponse {
  @ApiProperty({ description: '0–100' }) score: number;
  @ApiProperty() passed: boolean;
  @ApiProperty() correct: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'This attempt completed the course' }) courseCompleted: boolean;
}
