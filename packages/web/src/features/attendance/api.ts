/** 考勤 API: a school's sheet and report, the bureau's day, chasing, and the risk flags. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  AttendanceChaseResult,
  AttendanceDay,
  AttendanceReportResult,
  AttendanceSheet,
  FlagList,
} from "@luoshi/contracts";
import { getJson, postJson } from "../../lib/api.ts";
import { toQueryString } from "../../lib/query-string.ts";

export function useSheet(date: string) {
  return useQuery({
    queryKey: ["attendance-sheet", date],
    queryFn: ({ signal }) =>
      getJson(`/api/attendance/sheet${toQueryString({ date })}`, AttendanceSheet, signal),
  });
}

export function reportDay(date: string, absences: { studentId: string; reason: string }[]) {
  return postJson("/api/attendance/reports", { date, absences }, AttendanceReportResult);
}

export function useDay(date: string | undefined) {
  return useQuery({
    queryKey: ["attendance-day", date],
    queryFn: ({ signal }) => getJson(`/api/attendance/day${toQueryString({ date })}`, AttendanceDay, signal),
    placeholderData: keepPreviousData,
  });
}

export function chase(date: string) {
  return postJson("/api/attendance/chase", { date }, AttendanceChaseResult);
}

export function useFlags(page: number, rule: string | undefined) {
  return useQuery({
    queryKey: ["attendance-flags", page, rule],
    queryFn: ({ signal }) =>
      getJson(`/api/attendance/flags${toQueryString({ page, pageSize: 50, rule })}`, FlagList, signal),
    placeholderData: keepPreviousData,
  });
}
