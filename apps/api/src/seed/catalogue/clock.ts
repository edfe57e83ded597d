const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Demo timetables are in China Standard Time (UTC+8, no daylight saving). */
const CST = 8 * HOUR;

/** Days counted from the seed date's midnight in China Standard Time. */
export class Clock {
  private readonly midnight: number;

  constructor(seedDate: Date) {
    this.midnight = Math.floor((seedDate.getTime() + CST) / DAY) * DAY - CST;
  }

  at(day: number, hour: number): Date {
    return new Date(this.midnight + day * DAY + Math.round(hour * 60) * 60_000);
  }

  private local(day: number): Date {
    return new Date(this.midnight + day * DAY + CST);
  }

  /** Moves `day` forward to the next given weekday (0 = Sunday), or back a week when that passes `last`. */
  align(day: number, weekday: number, last: number): number {
    const aligned = day + ((weekday - this.local(day).getUTCDay() + 7) % 7);
    return aligned > last ? aligned - 7 : aligned;
  }

  /** Spring terms start in February–July, autumn terms in August–January. */
  term(day: number): [string, string] {
    const date = this.local(day);
    const month = date.getUTCMonth() + 1;
    const year = date.getUTCFullYear();
    if (month >= 2 && month <= 7) return [`${year}年春季`, `Spring ${year}`];
    const y = month === 1 ? year - 1 : year;
    return [`${y}年秋季`, `Autumn ${y}`];
  }
}
