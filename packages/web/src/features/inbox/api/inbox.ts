/** 消息 and 工作台: the user's notifications, the unread count for the header, marking read, the to-do list. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { NotificationPage, NotificationReadResult, UnreadCount, Workbench } from "@luoshi/contracts";
import { getJson, postJson } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

const inboxKeys = {
  all: ["inbox"] as const,
  unread: ["inbox", "unread"] as const,
  list: (page: number, unreadOnly: boolean) => ["inbox", "list", page, unreadOnly] as const,
  workbench: ["inbox", "workbench"] as const,
};

/** `GET /api/notifications/unread-count`, refreshed every minute while the page is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: inboxKeys.unread,
    queryFn: ({ signal }) => getJson("/api/notifications/unread-count", UnreadCount, signal),
    refetchInterval: 60_000,
  });
}

/** `GET /api/notifications?page=…&unread=…` */
export function useNotifications(page: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: inboxKeys.list(page, unreadOnly),
    queryFn: ({ signal }) =>
      getJson(
        `/api/notifications${toQueryString({ page, pageSize: 20, unread: unreadOnly ? "true" : undefined })}`,
        NotificationPage,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Marks the listed notifications read, or all of them (`ids` null); the list, badge and 工作台 refresh. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[] | null) =>
      ids === null
        ? postJson("/api/notifications/read-all", undefined, NotificationReadResult)
        : postJson("/api/notifications/read", { ids }, NotificationReadResult),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

/** `GET /api/workbench` */
export function useWorkbench() {
  return useQuery({
    queryKey: inboxKeys.workbench,
    queryFn: ({ signal }) => getJson("/api/workbench", Workbench, signal),
  });
}
