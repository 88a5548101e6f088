/** Runs a write of the 资助 page: shows the server's message on failure and refreshes the lists after. */
import { message } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";

export function useAct() {
  const { tOr, t } = useI18n();
  const queryClient = useQueryClient();
  return (work: () => Promise<unknown>, done?: () => void) => {
    work()
      .then(async () => {
        void message.success(t("aid.saved"));
        done?.();
        await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith("aid-") });
      })
      .catch((e: unknown) => void message.error(errorText(e, tOr)));
  };
}
