import { formatLogins, loadDemo } from "@luoshi/server";
import { withServices } from "../context.ts";

/** `luoshi demo`: create the data folder with the demo county and print the demo logins. */
export async function demo(): Promise<void> {
  await withServices(async (deps) => {
    const { isNew, logins } = await loadDemo(deps);
    console.log(isNew ? "已创建演示数据：平凉市崆峒区。" : "演示数据已存在，未重复载入。");
    if (logins.length > 0) {
      console.log(formatLogins(logins));
    }
  });
}
