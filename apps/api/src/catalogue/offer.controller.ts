import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { ReasonDto } from '../organisations/dto/provider.dto.js';
import { CourseDetail, CourseDto, CourseSummary, UpdateCourseDto } from './dto/course.dto.js';
import { ProgrammeDto, ProgrammeResponse, UpdateProgrammeDto } from './dto/programme.dto.js';
import { CoursesService } from './courses.service.js';
import { ProgrammesService } from './programmes.service.js';
import { StepUp } from '../auth/mfa/mfa-policy.js';

const STAFF = [Role.ProviderStaff, Role.ProviderAdmin];

@ApiTags('provider offer')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not provider staff' })
@ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND, also for another provider’s ids' })
@Controller()
export class OfferController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly courses: CoursesService,
  ) {}

  @Get('providers/:providerId/programmes')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Programmes of my provider' })
  @ApiOkResponse({ type: [ProgrammeResponse] })
  listProgrammes(
    @CurrentUser() user: AuthUser,
    @Param('providerId', ParseUUIDPipe) providerId: string,
  ): Promise<ProgrammeResponse[]> {
    return this.programmes.list(user, providerId);
  }

  @Post('providers/:providerId/programmes')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Create a programme' })
  @ApiCreatedResponse({ type: ProgrammeResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'PROVIDER_NOT_APPROVED' })
  createProgramme(
    @CurrentUser() user: AuthUser,
    @Param('providerId', ParseUUIDPipe) providerId: string,
    @Body() dto: ProgrammeDto,
  ): Promise<ProgrammeResponse> {
    return this.programmes.create(user, providerId, dto);
  }

  @Patch('programmes/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Edit a programme' })
  @ApiOkResponse({ type: ProgrammeResponse })
  updateProgramme(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProgrammeDto,
  ): Promise<ProgrammeResponse> {
    return this.programmes.update(user, id, dto);
  }

  @Get('providers/:providerId/courses')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'My provider’s courses with state, sessions and enrolments (the dashboard)' })
  @ApiOkResponse({ type: [CourseSummary] })
  dashboard(
    @CurrentUser() user: AuthUser,
    @Param('providerId', ParseUUIDPipe) providerId: string,
  ): Promise<CourseSummary[]> {
    return this.courses.dashboard(user, providerId);
  }

  @Post('courses')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Create a course (draft) in one of my programmes' })
  @ApiCreatedResponse({ type: CourseDetail })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'PROVIDER_NOT_APPROVED' })
  createCourse(@CurrentUser() user: AuthUser, @Body() dto: CourseDto): Promise<CourseDetail> {
    return this.courses.create(user, dto);
  }

  @Get('courses/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A course of my provider, with lessons (quiz answers included) and sessions' })
  @ApiOkResponse({ type: CourseDetail })
  course(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CourseDetail> {
    return this.courses.detail(user, id);
  }

  @Patch('courses/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Edit a course' })
  @ApiOkResponse({ type: CourseDetail })
  @ApiConflictResponse({ type: ErrorResponse, description: 'COURSE_STATE_INVALID: archived' })
  updateCourse(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCourseDto,
  ): Promise<CourseDetail> {
    return this.courses.update(user, id, dto);
  }

  @Post('courses/:id/publish')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Publish a course to the catalogue, or list every reason it cannot be yet' })
  @ApiOkResponse({ type: CourseDetail })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'COURSE_NOT_PUBLISHABLE with `problems`',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'COURSE_STATE_INVALID: archived' })
  publish(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CourseDetail> {
    return this.courses.publish(user, id);
  }

  @Post('courses/:id/archive')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Archive a course (it leaves the catalogue for good)' })
  @ApiOkResponse({ type: CourseDetail })
  archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CourseDetail> {
    return this.courses.archive(user, id);
  }

  @Post('courses/:id/unpublish')
  @HttpCode(204)
  @Roles(Role.BureauAdmin)
  @StepUp('FORBIDDEN: bureau administrators only')
  @ApiOperation({
    summary: 'Take a published course out of the catalogue with a reason the provider sees (bureau)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponse, description: 'COURSE_STATE_INVALID: not published' })
  unpublish(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<void> {
    return this.courses.unpublish(user, id, dto.reason);
  }
}
