/** Working calendar and due times (pure: no DOM, no database, independent of the machine's time zone). */
export {
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_CALENDAR,
  addCalendarDays,
  addMonths,
  addWorkingDays,
  addWorkingMinutes,
  checkWorkingCalendar,
  isHoliday,
  isWorkingDay,
  localDateOf,
  nextWorkingMoment,
  workingCalendar,
  workingIntervalsOn,
  workingMinutesBetween,
  type CalendarProblem,
  type ClockTime,
  type TimeSpan,
  type WorkingCalendarConfig,
  type WorkingDayHours,
} from './calendar';
export {
  actualAgainstWaktu,
  addWaktuAmount,
  caseDueFromFlow,
  dueFromWaktu,
  isOverdue,
  windowFor,
  type ActualDuration,
  type StepDue,
  type WindowStatus,
} from './due';
export { formatLocalDate, fromWallTime, parseLocalDate, toWallTime, zoneOffsetMs, type LocalDate, type WallTime } from './zonedTime';
