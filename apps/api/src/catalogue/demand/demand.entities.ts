import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Township } from '../../geo/geo.entities.js';
import { User } from '../../people/people.entities.js';

/** "I want to learn …": a signed-in resident's wish after a search found nothing (the planning signal). */
@Entity('course_requests')
@Unique('uq_course_requests_user_text', ['userId', 'text'])
@Index('idx_course_requests_township', ['townshipCode'])
export class CourseRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'char', length: 12 })
  townshipCode: string;

  @ManyToOne(() => Township, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_code' })
  township?: Township;

  /** In normal form, as the resident typed it. */
  @Column({ type: 'text' })
  text: string;

  /** The subject words the search found in it (segmented, stop words removed): what the summary counts. */
  @Column({ type: 'text', array: true })
  words: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
