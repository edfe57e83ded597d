import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { ReasonDto } from '../organisations/dto/provider.dto.js';
import { LessonDto, LessonOrderDto, LessonResponse, UpdateLessonDto } from './dto/lesson.dto.js';
import { SessionDto, SessionResponse, UpdateSessionDto } from './dto/session.dto.js';
import { LessonsService } from './lessons.service.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('provider offer')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not provider staff' })
@ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND, also for another provider’s ids' })
@ApiConflictResponse({ type: ErrorResponse, description: 'COURSE_STATE_INVALID: the course is archived' })
@Roles(Role.ProviderStaff, Role.ProviderAdmin)
@Controller()
export class LessonsSessionsController {
  constructor(
    private readonly lessons: LessonsService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('courses/:id/lessons')
  @ApiOperation({ summary: 'Add a lesson (text, video link or quiz) at the end of the course' })
  @ApiCreatedResponse({ type: LessonResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED, LESSON_CONTENT_REQUIRED, QUIZ_INVALID',
  })
  addLesson(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) courseId: string,
    @Body() dto: LessonDto,
  ): Promise<LessonResponse> {
    return this.lessons.create(user, courseId, dto);
  }

  @Patch('lessons/:id')
  @ApiOperation({ summary: 'Edit a lesson' })
  @ApiOkResponse({ type: LessonResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED, LESSON_CONTENT_REQUIRED, QUIZ_INVALID',
  })
  updateLesson(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateLessonDto,
  ): Promise<LessonResponse> {
    return this.lessons.update(user, id, dto);
  }

  @Delete('lessons/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a lesson (the others close up)' })
  @ApiNoContentResponse()
  removeLesson(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.lessons.remove(user, id);
  }

  @Put('courses/:id/lesson-order')
  @ApiOperation({ summary: 'Put the lessons of a course in a new order' })
  @ApiOkResponse({ type: [LessonResponse] })
  reorder(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) courseId: string,
    @Body() dto: LessonOrderDto,
  ): Promise<LessonResponse[]> {
    return this.lessons.reorder(user, courseId, dto.lessonIds);
  }

  @Post('courses/:id/sessions')
  @ApiOperation({ summary: 'Add a session (a dated class, online or at a place)' })
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'SESSION_ENDS_BEFORE_START, ENROLMENT_WINDOW_INVALID, SESSION_PLACE_REQUIRED, SESSION_SCHEDULE_INVALID, TOWNSHIP_UNKNOWN, VILLAGE_UNKNOWN',
  })
  addSession(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) courseId: string,
    @Body() dto: SessionDto,
  ): Promise<SessionResponse> {
    return this.sessions.create(user, courseId, dto);
  }

  @Patch('sessions/:id')
  @ApiOperation({ summary: 'Edit a session (capacity never below the learners enrolled)' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'VALIDATION_FAILED, SESSION_ENDS_BEFORE_START, ENROLMENT_WINDOW_INVALID, SESSION_PLACE_REQUIRED, SESSION_SCHEDULE_INVALID, TOWNSHIP_UNKNOWN, VILLAGE_UNKNOWN',
  })
  updateSession(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionResponse> {
    return this.sessions.update(user, id, dto);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a session: its learners are withdrawn and notified with the reason' })
  @ApiOkResponse({ type: SessionResponse })
  cancelSession(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<SessionResponse> {
    return this.sessions.cancel(user, id, dto.reason);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a session nobody is enrolled in' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponse, description: 'SESSION_HAS_ENROLMENTS' })
  removeSession(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.sessions.remove(user, id);
  }
}
