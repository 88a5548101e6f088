import { App } from "antd";
import type { FormInstance } from "antd";
import type { PlanDetail } from "@luoshi/contracts";
import { ApiError } from "../../../lib/api.ts";
import { errorText } from "../../../lib/error-text.ts";
import { toFormErrors } from "../../../lib/form-errors.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { MessageKey } from "../../../lib/i18n.tsx";
import { usePlanEdit } from "../api/plans.ts";
import type { PlanEdit } from "../api/plans.ts";

/** Where to put the server's field errors of one edit: a form and the field names it knows. */
export interface EditForm {
  form: Pick<FormInstance, "setFields">;
  fields: readonly string[];
}

/**
 * Runs plan edits with one voice: 已保存 on success; field errors on the form's fields when a
 * form is given; anything else (409 已确认, 403, network) as a message with the server's sentence.
 */
export function usePlanEditor(planId: string) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const mutation = usePlanEdit(planId);

  const run = async (
    edit: PlanEdit,
    options: { form?: EditForm; done?: MessageKey | null } = {},
  ): Promise<PlanDetail | undefined> => {
    try {
      const plan = await mutation.mutateAsync(edit);
      const done = options.done === undefined ? "review.saved" : options.done;
      if (done !== null) {
        void message.success(t(done));
      }
      return plan;
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      if (options.form !== undefined && fields.length > 0) {
        const mapped = toFormErrors(fields, options.form.fields);
        options.form.form.setFields(mapped.fields);
        if (mapped.unknown.length > 0) {
          void message.error(mapped.unknown.join("；"));
        }
      } else {
        void message.error(errorText(error, tOr));
      }
      return undefined;
    }
  };

  return { run, isPending: mutation.isPending };
}
