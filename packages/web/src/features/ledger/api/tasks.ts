/** 督办任务: the ledger list, one task, and every change (actions, reports, 批示, 调整). Changes answer with the task. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TaskBatchResult, TaskDetail, TaskPage } from "@luoshi/contracts";
import type {
  LIGHT_VALUES,
  MilestoneReachedBody,
  TASK_ACTION_VALUES,
  TASK_STATE_VALUES,
  TaskAdjustmentBody,
  TaskAdjustmentDecisionBody,
  TaskBatchBody,
  TaskCreateBody,
  TaskEditBody,
  TaskInstructionBody,
  TaskSignOffBody,
  TaskListQuery,
  TaskReportBody,
} from "@luoshi/contracts";
import type { z } from "zod";
import { getJson, postJson, request } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

export type TaskState = (typeof TASK_STATE_VALUES)[number];
export type Light = (typeof LIGHT_VALUES)[number];
export type TaskAction = (typeof TASK_ACTION_VALUES)[number];
export type TaskSort = TaskListQuery["sort"];

/** Filters of `GET /api/tasks` (and of the export). */
export interface TaskFilters {
  planId?: string;
  unitId?: string;
  state?: TaskState;
  light?: Light;
  deadlineBefore?: string;
  q?: string;
  sort?: TaskSort;
  page?: number;
  pageSize?: number;
  mine?: boolean;
}

const taskKeys = {
  all: ["tasks"] as const,
  list: (filters: TaskFilters) => ["tasks", "list", filters] as const,
  detail: (id: string) => ["tasks", "detail", id] as const,
};

const base = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

function query(filters: TaskFilters): string {
  const { mine, ...rest } = filters;
  return toQueryString({ ...rest, mine: mine === true ? "true" : undefined });
}

/** `GET /api/tasks?…` — the previous page stays on screen while the next loads. */
export function useTasks(filters: TaskFilters) {
  return useQuery({
    queryKey: taskKeys.list(filters),
    queryFn: ({ signal }) => getJson(`/api/tasks${query(filters)}`, TaskPage, signal),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/tasks/:id` */
export function useTask(id: string) {
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => getJson(base(id), TaskDetail, signal),
  });
}

/** Where the ledger workbook is downloaded from, with the list's filters. */
export function taskExportUrl(filters: TaskFilters): string {
  return `/api/tasks/export.xlsx${query({ ...filters, page: undefined, pageSize: undefined })}`;
}

/** Where an evidence file is served. */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}

/** `POST /api/tasks` */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreateBody) => postJson("/api/tasks", body, TaskDetail),
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.detail(task.id), task);
      return queryClient.invalidateQueries({ queryKey: ["tasks", "list"] });
    },
  });
}

/** `POST /api/tasks/batch` — 批量立项; the lists refresh. */
export function useBatchCreate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskBatchBody) => postJson("/api/tasks/batch", body, TaskBatchResult),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tasks"] }),
  });
}

/** Every change of one task; each answers with the whole {@link TaskDetail}. */
export type TaskChange =
  | { kind: "action"; action: TaskAction; comment?: string }
  | { kind: "report"; body: TaskReportBody }
  | { kind: "instruction"; body: z.input<typeof TaskInstructionBody> }
  | { kind: "adjustment"; body: z.input<typeof TaskAdjustmentBody> }
  | { kind: "decision"; body: z.input<typeof TaskAdjustmentDecisionBody> }
  | { kind: "milestone"; milestoneId: string; body: MilestoneReachedBody }
  | { kind: "signOff"; body: TaskSignOffBody }
  | { kind: "edit"; body: TaskEditBody };

/** Sends one {@link TaskChange} to its route. */
function sendTaskChange(id: string, change: TaskChange): Promise<TaskDetail> {
  switch (change.kind) {
    case "action":
      return postJson(
        `${base(id)}/actions`,
        change.comment === undefined || change.comment === ""
          ? { action: change.action }
          : { action: change.action, comment: change.comment },
        TaskDetail,
      );
    case "report":
      return postJson(`${base(id)}/reports`, change.body, TaskDetail);
    case "instruction":
      return postJson(`${base(id)}/instructions`, change.body, TaskDetail);
    case "adjustment":
      return postJson(`${base(id)}/adjustments`, change.body, TaskDetail);
    case "decision":
      return postJson(`${base(id)}/adjustments/decision`, change.body, TaskDetail);
    case "milestone":
      return postJson(`${base(id)}/milestones/${change.milestoneId}/reached`, change.body, TaskDetail);
    case "signOff":
      return postJson(`${base(id)}/sign-offs`, change.body, TaskDetail);
    case "edit":
      return request("PATCH", base(id), { body: change.body, schema: TaskDetail });
  }
}

/** One mutation for all changes of a task: the answer replaces the cached task, lists refresh. */
export function useTaskChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: TaskChange) => sendTaskChange(id, change),
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.detail(id), task);
      void queryClient.invalidateQueries({ queryKey: ["tasks", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["ledger"] });
    },
  });
}
