import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import {
  PlayerResponse,
  ProgressDto,
  ProgressResponse,
  QuizAttemptDto,
  QuizResultResponse,
} from './dto/learning.dto.js';
import { LearningService } from './learning.service.js';

@ApiTags('learning')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'NOT_ENROLLED' })
@ApiNotFoundResponse({ type: ErrorResponse })
@Controller('me')
export class LearningController {
  constructor(private readonly learning: LearningService) {}

  @Get('courses/:courseId/learn')
  @ApiOperation({
    summary: 'The lesson player: lessons with my progress (quiz answers withheld) and where to resume',
  })
  @ApiOkResponse({ type: PlayerResponse })
  player(
    @CurrentUser() user: AuthUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
  ): Promise<PlayerResponse> {
    return this.learning.player(user, courseId);
  }

  @Put('lessons/:lessonId/progress')
  @ApiOperation({
    summary:
      'Report progress on a text or video lesson: a playback position, the page still open, or "I have finished"',
    description:
      'A video position credits the stretch played since the previous report only when the time that passed allows ' +
      'it (reports under 5 s apart are ignored; jumps ahead credit nothing); the lesson completes itself once the ' +
      "course's share is played. A text lesson is credited the time between reports (gaps over 10 minutes are not " +
      "counted) and completes when the learner says so after the course's minimum. Safe to repeat.",
  })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'LESSON_KIND_MISMATCH for quizzes; PROGRESS_POSITION_INVALID past the end of the video',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'LESSON_NOT_DONE_YET: not enough played or read yet (details say how much); nothing changed',
  })
  progress(
    @CurrentUser() user: AuthUser,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
    @Body() dto: ProgressDto,
  ): Promise<ProgressResponse> {
    return this.learning.progress(user, lessonId, dto);
  }

  @Post('lessons/:lessonId/quiz-attempts')
  @ApiOperation({ summary: 'Answer a quiz; graded on the server against the pass mark' })
  @ApiCreatedResponse({ type: QuizResultResponse, description: 'The attempt, graded' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'QUIZ_ANSWERS_INVALID, LESSON_KIND_MISMATCH' })
  attempt(
    @CurrentUser() user: AuthUser,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
    @Body() dto: QuizAttemptDto,
  ): Promise<QuizResultResponse> {
    return this.learning.attemptQuiz(user, lessonId, dto.answers);
  }
}
